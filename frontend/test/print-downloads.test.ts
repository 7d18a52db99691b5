import { describe, expect, it } from "vitest";
import type { ApiClient } from "../src/lib/api/client";
import type { Content } from "../src/lib/api/types";
import { formatSize } from "../src/lib/format";
import { loadPageData } from "../src/lib/page-data";

describe("formatSize", () => {
  it("says a size as a reader does, in the page's language", () => {
    expect(formatSize(840_000, "nl")).toBe("840 kB");
    expect(formatSize(1_234_567, "nl")).toBe("1,2 MB");
    expect(formatSize(1_234_567, "en")).toBe("1.2 MB");
    expect(formatSize(12_500_000, "fr")).toBe("13 MB");
    expect(formatSize(512, "nl")).toBe("512 B");
  });
});

describe("an edition's page data", () => {
  it("asks the edition's @print for its PDFs", async () => {
    const asked: string[] = [];
    const item = { variant: "accessible", title: "Toegankelijk", url: "http://api/documents/1/a.pdf", content_type: "application/pdf",
                   size: 2048, pages: 8, out_of_date: false, made_at: null };
    const api = {
      baseUrl: "http://api",
      get: async (path: string) => { asked.push(path); return { "@id": path, items: [item] }; },
      pages: async () => ({ meta: { total_count: 0 }, items: [] }),
    } as unknown as ApiClient;
    const edition = {
      "@id": "http://api/api/content/nl/wijken/ledeberg/wijkkrant/editie-1", "@type": "neighbourhoods.MagazineEdition",
      language: "nl", fields: { number: 1, date: null },
    } as unknown as Content;
    const data = await loadPageData(api, edition, new URLSearchParams());
    expect(asked).toEqual(["/api/content/nl/wijken/ledeberg/wijkkrant/editie-1/@print"]);
    expect(data.prints).toEqual([item]);
  });
});

describe("EditionView", () => {
  it("offers each ready PDF with its size, the screen-reader version first", async () => {
    const { experimental_AstroContainer: AstroContainer } = await import("astro/container");
    const { default: EditionView } = await import("../src/views/EditionView.astro");
    const { EMPTY } = await import("../src/lib/page-data");
    const container = await AstroContainer.create();
    const pdf = (variant: string, size: number) => ({ variant, title: variant, url: `http://web:8000/documents/${size}/e-${variant}.pdf`,
      content_type: "application/pdf", size, pages: 8, out_of_date: false, made_at: null });
    const page = { "@id": "http://web:8000/api/content/nl/x", "@type": "neighbourhoods.MagazineEdition", title: "Editie 41", intro: "",
      language: "nl", body: [], items: [], fields: { number: 41, date: "2026-10-01" } };
    const html = await container.renderToString(EditionView, {
      props: { page, data: { ...EMPTY, prints: [pdf("print", 3_400_000), pdf("accessible", 1_234_567)] } },
    });
    const links = [...html.matchAll(/<a href="([^"]+)" type="application\/pdf" download>\s*([^<]+?)\s*<\/a>/g)].map((m) => [m[1], m[2]]);
    expect(links).toEqual([
      ["/documents/1234567/e-accessible.pdf", "Download als PDF (toegankelijk voor schermlezers, 1,2 MB)"],
      ["/documents/3400000/e-print.pdf", "Download als PDF (drukversie met snijtekens, 3,4 MB)"],
    ]);
  });
});
