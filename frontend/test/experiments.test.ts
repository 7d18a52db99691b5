import { describe, expect, it } from "vitest";
import { buttonHref, followMeasuredLink, measuredToken, pageCacheControl } from "../src/lib/experiments";

describe("buttonHref", () => {
  it("sends a measured button through this site's counting route, with the token only", () => {
    const href = buttonHref("nl", "http://api.internal:8000/api/experiments/click/?t=abc%3A123");
    expect(href).toBe("/nl/experiment/klik?t=abc%3A123");
  });

  it("leaves every other button as it was (media passed through, other sites as is)", () => {
    expect(buttonHref("nl", "https://stad.gent/nl/afval/grofvuil-ophaling")).toBe("https://stad.gent/nl/afval/grofvuil-ophaling");
    expect(buttonHref("fr", "http://api.internal:8000/documents/3/plan.pdf")).toBe("/documents/3/plan.pdf");
    expect(buttonHref("nl", "http://api.internal:8000/api/search/click/?t=x")).toBe("http://api.internal:8000/api/search/click/?t=x");
  });

  it("ignores a counting address without a token", () => {
    expect(measuredToken("http://api.internal/api/experiments/click/")).toBeNull();
    expect(measuredToken("http://api.internal/api/experiments/click/?t=")).toBeNull();
    expect(measuredToken(null)).toBeNull();
  });
});

describe("pageCacheControl", () => {
  it("keeps a page under experiment out of every cache and leaves other pages public", () => {
    expect(pageCacheControl({ experiment: { version: "B" } }, "public, no-cache")).toBe("private, no-store");
    expect(pageCacheControl({}, "public, no-cache")).toBe("public, no-cache");
  });
});

describe("followMeasuredLink", () => {
  const calls: { url: string; init?: RequestInit | undefined }[] = [];
  const answer = (status: number, location?: string) => async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    return new Response(null, { status, headers: location ? { Location: location } : {} });
  };
  const options = (fetch: ReturnType<typeof answer>) => ({ baseUrl: "http://api.internal:8000/", clientKey: "k", fetch });

  it("asks the API without following its redirect and returns where the button leads", async () => {
    calls.length = 0;
    const target = await followMeasuredLink("tok:en", options(answer(302, "https://stad.gent/nl/afval/grofvuil-ophaling")));
    expect(target).toBe("https://stad.gent/nl/afval/grofvuil-ophaling");
    expect(calls[0]?.url).toBe("http://api.internal:8000/api/experiments/click/?t=tok%3Aen");
    expect(calls[0]?.init?.redirect).toBe("manual");
    expect((calls[0]?.init?.headers as Record<string, string>)["X-Vrijhaven-Client-Key"]).toBe("k");
    expect(Object.keys(calls[0]?.init?.headers as Record<string, string>)).not.toContain("Cookie");
  });

  it("gives nothing for a refused token and refuses a non-web address", async () => {
    expect(await followMeasuredLink("x", options(answer(404)))).toBeNull();
    expect(await followMeasuredLink("x", options(answer(400)))).toBeNull();
    expect(await followMeasuredLink("x", options(answer(302, "javascript:alert(1)")))).toBeNull();
  });

  it("fails loudly when the API fails", async () => {
    await expect(followMeasuredLink("x", options(answer(500)))).rejects.toThrow();
  });
});
