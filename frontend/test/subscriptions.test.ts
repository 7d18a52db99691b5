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

  it("replaces a language the site does not offer by the page's", () => {
    expect(readSubscribeForm(form([["email", "a@b.be"], ["language", "de"]]), "fr").language).toBe("fr");
  });
});

describe("fieldErrors", () => {
  const problem = (body: object) => new ApiError("http://api.test/x", 400, { type: "about:blank", title: "Bad", status: 400, ...body });

  it("puts each message next to the field the API names", () => {
    const errors = fieldErrors(problem({ errors: { email: ["Geef een geldig e-mailadres."], wijken: ["Kies minstens één onderwerp."] } }), SHOWN);
    expect(errors).toEqual({ email: ["Geef een geldig e-mailadres."], wijken: ["Kies minstens één onderwerp."] });
  });

  it("says it in the citizen's words where we have them, once even when the API says it twice", () => {
    const answer = problem({
      errors: { wijken: ["Choose at least one wijk, theme, press releases or crisis alerts."], "channels.sms": ["A phone number is needed for SMS."] },
      invalid_params: [{ name: "wijken", reason: "Choose at least one wijk, theme, press releases or crisis alerts." }],
    });
    expect(fieldErrors(answer, ["wijken", "channels"], { wijken: "Kies minstens één onderwerp." })).toEqual({
      wijken: ["Kies minstens één onderwerp."],
      channels: ["A phone number is needed for SMS."],
    });
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
  const post = (headers: Record<string, string>) => new Request("http://localhost/nl/inschrijven", { method: "POST", headers });

  it("accepts a post from the host it was sent to, or from the configured public address", () => {
    expect(isSameOrigin(post({ Host: "front.test:3000", Origin: "http://front.test:3000" }), undefined)).toBe(true);
    expect(isSameOrigin(post({ Host: "frontend:3000", Origin: "https://www.gent.example" }), "https://www.gent.example/")).toBe(true);
    expect(isSameOrigin(post({ Host: "front.test", "Sec-Fetch-Site": "same-origin" }), undefined)).toBe(true);
  });

  it("refuses another site's form", () => {
    expect(isSameOrigin(post({ Host: "front.test", Origin: "https://evil.example" }), undefined)).toBe(false);
    expect(isSameOrigin(post({ Host: "front.test", Origin: "http://front.test", "Sec-Fetch-Site": "cross-site" }), undefined)).toBe(false);
    expect(isSameOrigin(post({ Host: "front.test" }), undefined)).toBe(false);
    expect(isSameOrigin(post({ Host: "front.test", Origin: "null" }), undefined)).toBe(false);
  });
});
