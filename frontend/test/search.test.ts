import { describe, expect, it } from "vitest";
import { apiQuery, pageNumbers, readSearch, siteUrl } from "../src/lib/search";

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
