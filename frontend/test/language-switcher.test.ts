import { experimental_AstroContainer as AstroContainer } from "astro/container";
import { describe, expect, it } from "vitest";
import LanguageSwitcher from "../src/components/LanguageSwitcher.astro";
import PhaseTimeline from "../src/components/PhaseTimeline.astro";
import { contentLanguageLinks } from "../src/lib/language-links";

describe("LanguageSwitcher", () => {
  it("links each translation in its own language and marks the current one", async () => {
    const container = await AstroContainer.create();
    const links = contentLanguageLinks("nl", [
      { "@id": "http://web:8000/api/content/fr/themas/afval", language: "fr", title: "Déchets" },
      { "@id": "http://web:8000/api/content/en/themas/afval", language: "en", title: "Waste" },
    ]);
    const html = await container.renderToString(LanguageSwitcher, { props: { language: "nl", links } });
    expect(html).toContain('aria-label="Deze pagina in een andere taal"');
    expect(html).toMatch(/<span class="languages__current" aria-current="true">Nederlands<\/span>/);
    expect(html).toContain('<a href="/en/themas/afval" hreflang="en" lang="en">English</a>');
    expect(html).toContain('<a href="/fr/themas/afval" hreflang="fr" lang="fr">Français</a>');
    expect(html.indexOf("English")).toBeLessThan(html.indexOf("Français"));
  });

  it("is there on a page without translations: each language leads to its nearest translated page", async () => {
    const container = await AstroContainer.create();
    const links = contentLanguageLinks("nl", [], [
      { "@id": "http://web:8000/api/content/en/wijken", language: "en", title: "Neighbourhoods", home: false },
    ]);
    const html = await container.renderToString(LanguageSwitcher, { props: { language: "nl", links } });
    expect(html).toContain('<a href="/en/wijken?onvertaald=1" hreflang="en" lang="en">English</a>');
    expect(html).toContain('<a href="/fr?onvertaald=1" hreflang="fr" lang="fr">Français</a>');
  });
});

describe("PhaseTimeline", () => {
  it("marks the current phase in text and with aria-current", async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(PhaseTimeline, {
      props: {
        language: "nl",
        phases: [
          { title: "Masterplan", start: "2018-03-01", end: "2019-06-30", description: "", is_current: false },
          { title: "Bouw", start: "2026-06-01", end: "2029-08-31", description: "400 woningen", is_current: true },
        ],
      },
    });
    expect(html).toMatch(/<ol class="timeline">/);
    expect(html).toMatch(/aria-current="step"[^>]*>\s*<h3[^>]*>Bouw<\/h3>\s*<p class="timeline__now">Nu bezig<\/p>/);
    expect(html).toContain('<time datetime="2026-06-01">1 juni 2026</time>');
    expect((html.match(/aria-current/g) ?? []).length).toBe(1);
  });
});
