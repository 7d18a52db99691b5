/** Where each language of the switcher leads, and the hreflang alternates. */
import { describe, expect, it } from "vitest";
import { alternates, contentLanguageLinks, siteLanguageLinks, siteOrigin } from "../src/lib/language-links";

describe("contentLanguageLinks", () => {
  it("offers every other language: the translation, else the nearest translated ancestor, else the home", () => {
    const links = contentLanguageLinks(
      "en",
      [{ "@id": "http://web:8000/api/content/nl/wijken/ledeberg", language: "nl", title: "Ledeberg" }],
      [{ "@id": "http://web:8000/api/content/fr/wijken", language: "fr", title: "Quartiers", home: false }],
    );
    expect(links).toEqual([
      { language: "nl", href: "/nl/wijken/ledeberg", exact: true },
      { language: "fr", href: "/fr/wijken?onvertaald=1", exact: false },
    ]);
  });

  it("sends a page the API could not give (the 404) to each language's home, saying so there", () => {
    expect(contentLanguageLinks("fr", []).map((link) => link.href)).toEqual(["/nl?onvertaald=1", "/en?onvertaald=1"]);
  });
});

describe("siteLanguageLinks", () => {
  it("keeps the search terms, the filters and the preference centre's token", () => {
    expect(siteLanguageLinks("nl", "zoeken", "?q=grofvuil&thema=afval&pagina=2").map((link) => link.href)).toEqual([
      "/en/zoeken?q=grofvuil&thema=afval&pagina=2",
      "/fr/zoeken?q=grofvuil&thema=afval&pagina=2",
    ]);
    expect(siteLanguageLinks("nl", "voorkeuren", "?token=abc.def-1&opgeslagen=1")[0]?.href).toBe("/en/voorkeuren?token=abc.def-1");
  });

  it("drops the untranslated marker", () => {
    expect(siteLanguageLinks("en", "zoeken", "?onvertaald=1")[0]?.href).toBe("/nl/zoeken");
  });
});

describe("alternates", () => {
  it("lists the page itself and its exact translations, absolute, with x-default on the Dutch page", () => {
    const links = contentLanguageLinks(
      "en",
      [{ "@id": "http://web:8000/api/content/nl/themas/afval", language: "nl", title: "Afval" }],
      [{ "@id": "http://web:8000/api/content/fr", language: "fr", title: "Accueil", home: true }],
    );
    expect(alternates("https://www.stad.gent", "en", "/en/themas/afval", links)).toEqual([
      { hreflang: "en", href: "https://www.stad.gent/en/themas/afval" },
      { hreflang: "nl", href: "https://www.stad.gent/nl/themas/afval" },
      { hreflang: "x-default", href: "https://www.stad.gent/nl/themas/afval" },
    ]);
  });

  it("uses the public address behind a proxy, else the request's", () => {
    const url = new URL("http://localhost/nl/zoeken?q=x");
    expect(siteOrigin(url, "127.0.0.1:3000", "https://www.stad.gent/")).toBe("https://www.stad.gent");
    expect(siteOrigin(url, "127.0.0.1:3000", undefined)).toBe("http://127.0.0.1:3000");
    expect(siteOrigin(url, null, undefined)).toBe("http://localhost");
  });
});
