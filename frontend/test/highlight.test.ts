import { describe, expect, it } from "vitest";
import { safeHighlight } from "../src/lib/highlight";

describe("safeHighlight", () => {
  it("keeps the marks and the escaped text as the API sends them", () => {
    expect(safeHighlight("Grof <mark>huisvuil</mark> &amp; snoeiafval")).toBe("Grof <mark>huisvuil</mark> &amp; snoeiafval");
  });

  it("shows any other markup as text", () => {
    expect(safeHighlight('<img src=x onerror="alert(1)"> <mark>afval</mark>')).toBe(
      "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; <mark>afval</mark>",
    );
    expect(safeHighlight("<script>alert(1)</script>")).toBe("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(safeHighlight('<mark onclick="x">a</mark>')).toBe("&lt;mark onclick=&quot;x&quot;&gt;a");
  });

  it("does not let escaped markup turn into real markup", () => {
    expect(safeHighlight("&lt;b&gt;vet&lt;/b&gt;")).toBe("&lt;b&gt;vet&lt;/b&gt;");
    expect(safeHighlight("&#60;i&#62;")).toBe("&lt;i&gt;");
  });

  it("balances marks", () => {
    expect(safeHighlight("<mark>open")).toBe("<mark>open</mark>");
    expect(safeHighlight("dicht</mark> <MARK>a</MARK>")).toBe("dicht <mark>a</mark>");
    expect(safeHighlight("<mark><mark>x</mark></mark>")).toBe("<mark>x</mark>");
  });
});
