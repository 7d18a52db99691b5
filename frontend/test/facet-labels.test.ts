import { describe, expect, it } from "vitest";
import { kindName } from "../src/lib/facet-labels";

describe("kindName", () => {
  it("calls a section of an imported document what it is, not a theme, in each language", () => {
    expect(kindName("themes.DocumentSection", "nl")).toBe("Deel van een document");
    expect(kindName("themes.DocumentSection", "en")).toBe("Part of a document");
    expect(kindName("themes.DocumentSection", "fr")).toBe("Partie d'un document");
    expect(kindName("themes.DocumentSection", "de")).toBe("Deel van een document");
  });

  it("names page types as before", () => {
    expect(kindName("themes.ThemePage", "nl")).toBe("Thema");
    expect(kindName("pressroom.PressReleasePage", "en")).toBe("Press release");
  });
});
