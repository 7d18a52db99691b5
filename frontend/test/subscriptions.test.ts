import { describe, expect, it } from "vitest";
import { ApiError } from "../src/lib/api/client";
import { isSameOrigin } from "../src/lib/same-origin";
import { fieldErrors, readSubscribeForm } from "../src/lib/subscriptions";

const SHOWN = ["email", "wijken", "themes", "phone"];

function form(entries: [string, string][]) {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe("readSubscribeForm", () => {
  it("turns the posted form into the API's body", () => {
    const body = readSubscribeForm(
      form([["email", " an@example.org "], ["language", "fr"], ["wijken", "ledeberg"], ["wijken", "binnenstad"], ["crisis", "on"], ["phone", ""]]),
      "nl",
    );
    expect(body).toEqual({ email: "an@example.org", language: "fr", wijken: ["ledeberg", "binnenstad"], themes: [], press: false, crisis: true });
  });

  it("sends the phone and SMS choice only when given, and the page language by default", () => {
    const body = readSubscribeForm(form([["email", "a@b.be"], ["crisis", "on"], ["phone", "+32470123456"], ["sms", "on"]]), "en");
    expect(body).toMatchObject({ language: "en", phone: "+32470123456", sms: true });
  });
});

describe("fieldErrors", () => {
  const problem = (body: object) => new ApiError("http://api.test/x", 400, { type: "about:blank", title: "Bad", status: 400, ...body });

  it("puts each message next to the field the API names", () => {
    const errors = fieldErrors(problem({ errors: { email: ["Geef een geldig e-mailadres."], wijken: ["Kies minstens één onderwerp."] } }), SHOWN);
    expect(errors).toEqual({ email: ["Geef een geldig e-mailadres."], wijken: ["Kies minstens één onderwerp."] });
  });

  it("keeps messages on fields the form does not show, for the summary", () => {
    expect(fieldErrors(problem({ errors: { non_field_errors: ["Te veel aanvragen."] } }), SHOWN)).toEqual({ "": ["Te veel aanvragen."] });
    expect(fieldErrors(problem({ detail: "Ongeldig." }), SHOWN)).toEqual({ "": ["Ongeldig."] });
  });

  it("is not about field errors for other failures", () => {
    expect(fieldErrors(new ApiError("u", 502, null), SHOWN)).toBeNull();
    expect(fieldErrors(new TypeError("fetch failed"), SHOWN)).toBeNull();
  });
});

describe("isSameOrigin", () => {
  const site = new URL("http://front.test/nl/inschrijven");
  const post = (headers: Record<string, string>) => new Request(site, { method: "POST", headers });

  it("accepts our own origin and the configured public address", () => {
    expect(isSameOrigin(post({ Origin: "http://front.test" }), site, undefined)).toBe(true);
    expect(isSameOrigin(post({ Origin: "https://www.gent.example" }), site, "https://www.gent.example/")).toBe(true);
    expect(isSameOrigin(post({ "Sec-Fetch-Site": "same-origin" }), site, undefined)).toBe(true);
  });

  it("refuses another site's form", () => {
    expect(isSameOrigin(post({ Origin: "https://evil.example" }), site, undefined)).toBe(false);
    expect(isSameOrigin(post({ Origin: "http://front.test", "Sec-Fetch-Site": "cross-site" }), site, undefined)).toBe(false);
    expect(isSameOrigin(post({}), site, undefined)).toBe(false);
  });
});
