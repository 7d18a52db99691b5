import { describe, expect, it } from "vitest";
import { fill, readReactionForm, safeProjectPath } from "../src/lib/participation";

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) data.append(name, value);
  return data;
};

describe("the reaction form", () => {
  it("sends no name or e-mail without the consent box ticked", () => {
    const body = readReactionForm(form({ text: " Meer bomen ", name: "An", email: "an@example.be", phase: "12" }), "nl");
    expect(body).toMatchObject({ text: "Meer bomen", phase: 12, contact_consent: false, name: "", email: "" });
  });

  it("sends them with consent, and passes the honeypot on for the API to judge", () => {
    const body = readReactionForm(form({ text: "x", contact_consent: "on", email: "an@example.be", website: "spam" }), "fr");
    expect(body).toMatchObject({ contact_consent: true, email: "an@example.be", website: "spam", language: "fr" });
  });

  it("goes back only to a path of this site", () => {
    expect(safeProjectPath("/nl/projecten/nieuw-gent-vernieuwt")).toBe("/nl/projecten/nieuw-gent-vernieuwt");
    expect(safeProjectPath("https://evil.example/nl/x")).toBeNull();
    expect(safeProjectPath("//evil.example/x")).toBeNull();
    expect(safeProjectPath("/nl/../admin")).toBeNull();
  });

  it("fills the sentence's date", () => {
    expect(fill("U kunt uw mening geven tot {date}.", { date: "15 maart 2027" })).toBe("U kunt uw mening geven tot 15 maart 2027.");
  });
});
