import { describe, expect, it } from "vitest";
import { readFilters, yearOptions } from "../src/lib/filters";

const wijken = [
  { value: "ledeberg", label: "Ledeberg" },
  { value: "dampoort", label: "Dampoort" },
];

describe("readFilters", () => {
  it("takes a value only when the form offered it", () => {
    const params = new URLSearchParams("wijk=ledeberg&jaar=2026&inspraak=decided");
    const filters = readFilters(params, {
      wijken,
      years: [{ value: "2026", label: "2026" }],
      statuses: [{ value: "decided", label: "decided" }],
    });
    expect(filters).toEqual({ wijk: "ledeberg", year: "2026", status: "decided" });
  });

  it("ignores unknown or empty values instead of passing them to the API", () => {
    const filters = readFilters(new URLSearchParams("wijk=atlantis&jaar=&inspraak=maybe"), { wijken });
    expect(filters).toEqual({ wijk: null, year: null, status: null });
  });
});

describe("yearOptions", () => {
  it("lists each year once, newest first, skipping missing dates", () => {
    expect(yearOptions(["2025-03-01", null, "2026-11-27", "2026-01-13"]).map((o) => o.value)).toEqual(["2026", "2025"]);
  });
});
