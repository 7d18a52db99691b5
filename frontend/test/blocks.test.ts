/** Body blocks rendered by Astro's container API, exactly as the server renders them. */
import { experimental_AstroContainer as AstroContainer } from "astro/container";
import { beforeAll, describe, expect, it } from "vitest";
import Body from "../src/components/blocks/Body.astro";
import type { BodyBlock } from "../src/lib/api/types";

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

function render(blocks: BodyBlock[], language = "nl") {
  return container.renderToString(Body, { props: { blocks, language } });
}

describe("Body", () => {
  it("renders every block type of the body", async () => {
    const html = await render([
      { type: "paragraph", id: "1", value: "<p>Grof huisvuil is <b>groot</b>.</p>" },
      { type: "heading", id: "2", value: { text: "Wat haalt IVAGO op?", level: 2 } },
      { type: "image", id: "3", value: { image: { url: "http://web:8000/media/images/x.png", width: 1200, height: 675, alt: "oud" }, alt: "Een container op een plein", caption: "Foto: Stad Gent" } },
      { type: "call_to_action", id: "4", value: { label: "Aanvragen", url: "https://stad.gent/a", description: "Kies een datum." } },
      { type: "contact", id: "5", value: { name: "Gentinfo", phone: "09 210 10 10", email: "gentinfo@stad.gent", address: null, opening_hours: null } },
      { type: "faq", id: "6", value: { items: [{ question: "Moet ik thuis zijn?", answer: "<p>Nee.</p>" }] } },
      { type: "steps", id: "7", value: { title: "Zo vraagt u het aan", steps: [{ title: "Maak een afspraak", text: "<p>Online.</p>" }, { title: "Betaal", text: "<p>30 euro.</p>" }] } },
      { type: "document", id: "8", value: { document: { id: 9, title: "Infofiche", url: "http://web:8000/documents/9/infofiche.pdf" }, title: "Infofiche renovatiepremie" } },
      { type: "embed", id: "9", value: { url: "https://www.youtube.com/watch?v=abc", caption: "Zo werkt de ophaling" } },
    ]);
    expect(html).toContain("<b>groot</b>");
    expect(html).toMatch(/<h2[^>]*>Wat haalt IVAGO op\?<\/h2>/);
    // The editor's alt text wins over the image's default, and the file is served from this site.
    expect(html).toMatch(/<img src="\/media\/images\/x.png"[^>]*alt="Een container op een plein"/);
    expect(html).toContain("<figcaption>Foto: Stad Gent</figcaption>");
    expect(html).toMatch(/<a class="button" href="https:\/\/stad.gent\/a">Aanvragen<\/a>/);
    expect(html).toContain('href="tel:092101010"');
    expect(html).toContain('href="mailto:gentinfo@stad.gent"');
    expect(html).toMatch(/<details class="faq__item">\s*<summary>Moet ik thuis zijn\?<\/summary>/);
    expect(html).toMatch(/<ol class="steps__list">\s*<li>\s*<h3[^>]*>Maak een afspraak<\/h3>/);
    expect(html).toContain('href="/documents/9/infofiche.pdf"');
    expect(html).toMatch(/Downloaden:<\/span> Infofiche renovatiepremie <span class="download__type">\(PDF\)<\/span>/);
    // Embeds are links, never iframes: no third-party code on a city page.
    expect(html).not.toContain("<iframe");
    expect(html).toMatch(/<a href="https:\/\/www.youtube.com\/watch\?v=abc"[^>]*>Bekijk: Zo werkt de ophaling<\/a>/);
    expect(html).toContain("(youtube.com)");
  });

  it("clamps headings to h2 or h3 and skips unknown block types", async () => {
    const html = await render([
      { type: "heading", id: "1", value: { text: "Diep", level: 5 } },
      { type: "heading", id: "2", value: { text: "Sub", level: 3 } },
      { type: "poll", id: "3", value: {} } as unknown as BodyBlock,
    ]);
    expect(html).toMatch(/<h2[^>]*>Diep<\/h2>/);
    expect(html).toMatch(/<h3[^>]*>Sub<\/h3>/);
    expect(html).not.toContain("poll");
  });

  it("labels contact details in the page's language", async () => {
    const html = await render(
      [{ type: "contact", id: "1", value: { name: "Gentinfo", phone: "09 210 10 10", email: null, address: null, opening_hours: "9-17" } }],
      "fr",
    );
    expect(html).toContain("<dt>Téléphone</dt>");
    expect(html).toContain("<dt>Heures d&#39;ouverture</dt>");
  });
});
