/** Phone numbers as links, quotation marks per language, the language of alt text. */
import { describe, expect, it } from "vitest";
import { altText } from "../src/lib/alt-text";
import { phoneParts, quote, telHref } from "../src/lib/format";

describe("phoneParts", () => {
  it("turns the Gentinfo number in a sentence into a tel: link", () => {
    expect(phoneParts("Vragen? Bel Gentinfo op 09 210 10 10.")).toEqual([
      { text: "Vragen? Bel Gentinfo op ", tel: null },
      { text: "09 210 10 10", tel: "tel:092101010" },
      { text: ".", tel: null },
    ]);
    expect(phoneParts("Call +32 9 266 52 10 : now")[1]).toEqual({ text: "+32 9 266 52 10", tel: "tel:+3292665210" });
    expect(phoneParts("Botermarkt 1, 9000 Gent")).toEqual([{ text: "Botermarkt 1, 9000 Gent", tel: null }]);
    expect(telHref("09 210 10 10")).toBe("tel:092101010");
  });
});

describe("quote", () => {
  it("quotes as each language writes", () => {
    expect(quote("afval", "nl")).toBe("„afval”");
    expect(quote("waste", "en")).toBe("“waste”");
    expect(quote("déchets", "fr")).toBe("«\u00a0déchets\u00a0»");
  });
});

describe("altText", () => {
  it("marks the library's Dutch alt text on an English page, not the translator's own", () => {
    expect(altText("", "Een container op een plein", "en")).toEqual({ text: "Een container op een plein", lang: "nl" });
    expect(altText("Een container op een plein", "Een container op een plein", "fr").lang).toBe("nl");
    expect(altText("A container on a square", "Een container op een plein", "en")).toEqual({ text: "A container on a square", lang: undefined });
    expect(altText("", "Een container op een plein", "nl").lang).toBeUndefined();
  });
});
