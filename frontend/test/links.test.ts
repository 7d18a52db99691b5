import { describe, expect, it } from "vitest";
import { assetUrl, pagePath } from "../src/lib/api/links";

describe("pagePath", () => {
  it("maps a content @id to the same path on this site", () => {
    expect(pagePath("http://web:8000/api/content/nl/wijken/ledeberg")).toBe("/nl/wijken/ledeberg");
    expect(pagePath("http://web:8000/api/content/nl")).toBe("/nl");
  });

  it("maps a v2 html_url without its trailing slash", () => {
    expect(pagePath("http://localhost/nl/pers/begroting-2027/")).toBe("/nl/pers/begroting-2027");
  });

  it("gives no page for listings and components", () => {
    expect(pagePath("http://web:8000/api/v2/pages/?theme=afval&locale=nl")).toBeNull();
    expect(pagePath("http://web:8000/api/content/nl/pers/@translations")).toBeNull();
    expect(pagePath(null)).toBeNull();
  });
});

describe("assetUrl", () => {
  it("serves backend media and documents from this site", () => {
    expect(assetUrl("http://web:8000/media/images/a.max-1200x1200.png")).toBe("/media/images/a.max-1200x1200.png");
    expect(assetUrl("http://web:8000/documents/9/infofiche.pdf")).toBe("/documents/9/infofiche.pdf");
  });

  it("leaves other links alone", () => {
    expect(assetUrl("https://stad.gent/nl/afval")).toBe("https://stad.gent/nl/afval");
  });
});
