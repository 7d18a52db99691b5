import { afterEach, describe, expect, it, vi } from "vitest";
import { playable, playlistOf, signageImageUrl, speedOf, type ApiPlaylist, type Slide } from "../src/lib/signage";
import { signageMedia } from "../src/lib/signage-media";
import { brandCss, type Brand } from "../src/lib/signage-server";

const slide = (validFrom: string | null, validUntil: string | null): Slide => ({
  kind: "event", title: "Buurtfeest", image: null, durationSeconds: 12, validFrom, validUntil, startsAt: null, location: null,
  link: null, qr: null,
});

describe("playlistOf", () => {
  it("keeps the API's order and durations, with pictures on this site", () => {
    const answer = {
      wijk: { slug: "ledeberg", name: "Ledeberg" }, language: "nl", total_duration_seconds: 22,
      items: [
        { position: 1, kind: "event", page_id: 1, title: "Buurtfeest", duration_seconds: 12, qr_target: null,
          image: { url: "http://web:8000/media/images/a.fill-1280x720.jpg", width: 1280, height: 720, alt: "Een plein" },
          valid_from: "2026-12-01T10:00:00Z", valid_until: "2026-12-20T10:00:00Z", starts_at: "2026-12-12T13:00:00Z", location: "Pierkespark" },
        { position: 2, kind: "press_release", page_id: 2, title: "Nieuws", duration_seconds: 10, qr_target: null, image: null,
          valid_from: "2026-12-01T10:00:00Z", valid_until: "2026-12-15T10:00:00Z" },
      ],
    } as unknown as ApiPlaylist;
    const playlist = playlistOf(answer);
    expect(playlist.wijk).toEqual({ slug: "ledeberg", name: "Ledeberg" });
    expect(playlist.slides.map((s) => [s.title, s.durationSeconds])).toEqual([["Buurtfeest", 12], ["Nieuws", 10]]);
    expect(playlist.slides[0]?.image).toEqual({ url: "/signage/media/images/a.fill-1280x720.jpg", alt: "Een plein" });
    expect(playlist.slides[0]?.location).toBe("Pierkespark");
    expect(playlist.slides[1]?.startsAt).toBeNull();
  });
});

describe("signageImageUrl", () => {
  it("passes backend media through this site and drops anything else", () => {
    expect(signageImageUrl("https://api.stad.gent/media/images/x.jpg")).toBe("/signage/media/images/x.jpg");
    expect(signageImageUrl("https://cdn.example.org/x.jpg")).toBeNull();
    expect(signageImageUrl(null)).toBeNull();
  });
});

describe("playable", () => {
  it("drops a slide outside its validity window, so an offline screen never shows an ended event", () => {
    const now = Date.parse("2026-12-06T12:00:00Z");
    const slides = [
      slide("2026-12-01T00:00:00Z", "2026-12-07T00:00:00Z"),
      slide("2026-12-01T00:00:00Z", "2026-12-06T11:59:59Z"),
      slide("2026-12-06T12:00:01Z", "2026-12-08T00:00:00Z"),
      slide(null, null),
    ];
    expect(playable(slides, now)).toEqual([slides[0], slides[3]]);
  });
});

describe("speedOf", () => {
  it("speeds time up only by a sensible factor", () => {
    expect(speedOf("4")).toBe(4);
    expect(speedOf(undefined)).toBe(1);
    expect(speedOf("0.5")).toBe(1);
    expect(speedOf("x")).toBe(1);
    expect(speedOf("1000")).toBe(100);
  });
});

describe("brandCss", () => {
  const brand = {
    name: "Stad Gent", logo: null, colours: { primary: "#1d4f91", accent: "#ffd500", text: "#1a1a1a" },
    typeface: "DejaVu Sans", gentinfo: { phone: "", email: "", address: "", opening_hours: "", url: "" },
  } satisfies Brand;

  it("sets the brand's colours and typeface over the house style", () => {
    expect(brandCss(brand)).toBe(
      'html:root{--signage-primary:#1d4f91;--signage-accent:#ffd500;--signage-text:#1a1a1a;--signage-font:"DejaVu Sans",system-ui,sans-serif;}',
    );
    expect(brandCss(null)).toBe("");
  });

  it("never writes a typeface that could end the rule", () => {
    expect(brandCss({ ...brand, typeface: 'x"}body{display:none' })).not.toContain("body");
  });
});

describe("signageMedia", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("serves the remembered picture while the backend is unreachable", async () => {
    const png = new Uint8Array([137, 80, 78, 71]);
    vi.stubGlobal("fetch", vi.fn(async () => new Response(png, { headers: { "content-type": "image/png" } })));
    const fresh = await signageMedia("images/a.png", "");
    expect(fresh.status).toBe(200);

    vi.stubGlobal("fetch", vi.fn(async () => { throw new TypeError("fetch failed"); }));
    const kept = await signageMedia("images/a.png", "");
    expect(kept.status).toBe(200);
    expect(kept.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await kept.arrayBuffer())).toEqual(png);
    expect((await signageMedia("images/never-seen.png", "")).status).toBe(502);
  });

  it("passes nothing but pictures", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => new Response("<html>", { headers: { "content-type": "text/html" } })));
    expect((await signageMedia("images/page.html", "")).status).toBe(502);
  });
});

describe("linkedToSite", () => {
  it("points each slide's QR code at the page on this site", async () => {
    const { linkedToSite } = await import("../src/lib/signage-server");
    const playlist = {
      wijk: null, language: "nl",
      slides: [
        { ...slide(null, null), link: "http://web:8000/nl/pers/begroting-2027/" },
        { ...slide(null, null), link: null },
      ],
    };
    const linked = linkedToSite(playlist, "https://www.stad.gent");
    expect(linked.slides[0]?.link).toBe("https://www.stad.gent/nl/pers/begroting-2027");
    expect(linked.slides[0]?.qr).toMatch(/^<svg [^>]*viewBox=/);
    expect(linked.slides[0]?.qr).not.toMatch(/style=|<script/i);
    expect(linked.slides[1]).toMatchObject({ link: null, qr: null });
  });
});
