import { describe, expect, it } from "vitest";
import { apiQuery, clickToken, openResult, pageNumbers, readSearch, resultHref, siteUrl } from "../src/lib/search";

const read = (qs: string, language = "nl") => readSearch(new URLSearchParams(qs), language);

describe("readSearch", () => {
  it("reads repeated and comma-separated facet values and defaults the language to the page's", () => {
    const request = read("q=+afval+&theme=afval&theme=milieu,afval&wijk=ledeberg&page=2");
    expect(request).toMatchObject({ q: "afval", theme: ["afval", "milieu"], wijk: ["ledeberg"], type: [], language: "nl", page: 2 });
  });

  it("drops what does not make sense instead of failing", () => {
    expect(read("q=x&page=-3").page).toBe(1);
    expect(read("q=x&page=abc").page).toBe(1);
    expect(read("q=x&mode=magic").mode).toBeNull();
    expect(read("q=x&taal=<script>").language).toBe("nl");
    expect(read(`q=${"a".repeat(600)}`).q).toHaveLength(500);
  });

  it("searches every language with taal=alle", () => {
    expect(read("q=x&taal=alle").language).toBeNull();
    expect(read("q=x&taal=fr").language).toBe("fr");
  });
});

describe("apiQuery and siteUrl", () => {
  it("asks the API with ORed facet values and its lang parameter", () => {
    const query = new URLSearchParams(apiQuery(read("q=afval&theme=afval&theme=milieu&type=themes.ThemePage&page=3")));
    expect(query.get("theme")).toBe("afval,milieu");
    expect(query.get("type")).toBe("themes.ThemePage");
    expect(query.get("lang")).toBe("nl");
    expect(query.get("page")).toBe("3");
  });

  it("builds the site's own links, keeping choices and leaving defaults out", () => {
    const request = read("q=afval&wijk=ledeberg");
    expect(siteUrl("nl", request, { page: 2 })).toBe("/nl/zoeken?q=afval&wijk=ledeberg&page=2");
    expect(siteUrl("nl", request, { language: null })).toBe("/nl/zoeken?q=afval&wijk=ledeberg&taal=alle");
  });
});

describe("pageNumbers", () => {
  it("shows the ends and the neighbourhood of the current page, with gaps", () => {
    expect(pageNumbers(1, 1)).toEqual([1]);
    expect(pageNumbers(5, 20)).toEqual([1, null, 3, 4, 5, 6, 7, null, 20]);
    expect(pageNumbers(2, 4)).toEqual([1, 2, 3, 4]);
  });
});

describe("result links", () => {
  const hit = { url: "/nl/themas/grofvuil/", click: "http://api.internal:8000/api/search/click/?t=WyJncm9mIl0%3Axyz%3Asig" };

  it("go through this site's counted redirect with the API's token", () => {
    expect(clickToken(hit)).toBe("WyJncm9mIl0:xyz:sig");
    expect(resultHref("nl", hit)).toBe("/nl/zoeken/open?t=WyJncm9mIl0%3Axyz%3Asig");
  });

  it("link to the page itself when the API gives no click link", () => {
    expect(resultHref("fr", { url: "/fr/themes/encombrants/", click: null })).toBe("/fr/themes/encombrants");
    expect(resultHref("nl", { url: "/nl/x/", click: "http://api/api/search/click/" })).toBe("/nl/x");
  });
});

describe("openResult", () => {
  const answer = (status: number, location?: string) => async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    return new Response(null, { status, headers: location ? { Location: location } : {} });
  };
  let calls: { url: string; init?: RequestInit | undefined }[] = [];
  const options = (fetch: ReturnType<typeof answer>) => ({ baseUrl: "http://api.internal:8000/", clientKey: "k", fetch });

  it("asks the API without following its redirect and returns the path on this site", async () => {
    calls = [];
    const path = await openResult("tok:en", options(answer(302, "https://www.stad.gent/nl/themas/grofvuil/")));
    expect(path).toBe("/nl/themas/grofvuil");
    expect(calls[0]?.url).toBe("http://api.internal:8000/api/search/click/?t=tok%3Aen");
    expect(calls[0]?.init?.redirect).toBe("manual");
    expect((calls[0]?.init?.headers as Record<string, string>)["X-Vrijhaven-Client-Key"]).toBe("k");
  });

  it("never leaves this site, whatever the Location says", async () => {
    expect(await openResult("t", options(answer(302, "https://evil.example/phish")))).toBe("/phish");
    expect(await openResult("t", options(answer(302, "http://api//evil.example/x")))).toBe("/evil.example/x");
  });

  it("gives null for a refused token or a page no longer public", async () => {
    expect(await openResult("t", options(answer(400)))).toBeNull();
    expect(await openResult("t", options(answer(404)))).toBeNull();
  });

  it("fails when the API fails", async () => {
    await expect(openResult("t", options(answer(503)))).rejects.toThrow("503");
    await expect(openResult("t", options(answer(200)))).rejects.toThrow();
  });
});
