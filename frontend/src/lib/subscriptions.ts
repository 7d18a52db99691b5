/**
 * The subscription and preference centre API (automation/api, contract in the issue):
 * options to choose from, the subscribe form, double opt-in and the preference centre.
 *
 * Forms post to this server, which calls the API; the API's 400 problem names each bad
 * field (`errors: {field: [messages]}`) and we show each message next to its field.
 */
import { ApiError, type ApiClient } from "./api/client";
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from "./i18n";

export interface Named {
  slug: string;
  name: string;
}

export interface SubscriptionOptions {
  languages: string[];
  channels: string[];
  wijken: Named[];
  themes: Named[];
}

// Type aliases, not interfaces: the API's request schemas allow extra members (an index
// signature), which only aliases satisfy (conformance.ts checks these against them).
export type Choices = {
  language: Language;
  wijken: string[];
  themes: string[];
  press: boolean;
  crisis: boolean;
  phone?: string;
  sms?: boolean;
};

export type SubscribeBody = Choices & {
  email: string;
};

/** Consent per channel; `voice` is "bel mij": calls that read our messages aloud. */
export type Channels = { email: boolean; sms: boolean; voice: boolean };

export interface Preferences {
  email: string;
  language: Language;
  channels: Channels;
  wijken: string[];
  themes: string[];
  press: boolean;
  crisis: boolean;
  confirmed: boolean;
}

export type FieldErrors = Record<string, string[]>;

const A = "/api/automation/subscriptions";

export const loadOptions = (api: ApiClient, language: string) =>
  api.get<SubscriptionOptions>(`${A}/options/?lang=${encodeURIComponent(language)}`);

export const subscribe = (api: ApiClient, body: SubscribeBody) => api.send<{ status: string }>("POST", `${A}/`, body);

export const confirm = (api: ApiClient, token: string) =>
  api.send<{ status: string; preferences_token: string }>("POST", `${A}/confirm/`, { token });

const tokenPath = (token: string) => encodeURIComponent(token);

export const loadPreferences = (api: ApiClient, token: string) =>
  api.getPrivate<Preferences>(`${A}/preferences/${tokenPath(token)}/`);

export const savePreferences = (api: ApiClient, token: string, body: Choices & { channels: Channels }) =>
  api.send<Preferences>("PUT", `${A}/preferences/${tokenPath(token)}/`, body);

export const unsubscribe = (api: ApiClient, token: string) =>
  api.send<{ status: string }>("POST", `${A}/unsubscribe/${tokenPath(token)}/`, {});

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
};
const list = (form: FormData, name: string) =>
  form.getAll(name).filter((value): value is string => typeof value === "string" && value !== "");

const isLanguage = (value: string): value is Language => (LANGUAGES as readonly string[]).includes(value);

/** The choices a subscribe or preference form posted, in the API's shape (an unknown language: the page's). */
export function readChoices(form: FormData, fallbackLanguage: string): Choices {
  const posted = text(form, "language");
  const choices: Choices = {
    language: isLanguage(posted) ? posted : isLanguage(fallbackLanguage) ? fallbackLanguage : DEFAULT_LANGUAGE,
    wijken: list(form, "wijken"),
    themes: list(form, "themes"),
    press: form.get("press") === "on",
    crisis: form.get("crisis") === "on",
  };
  const phone = text(form, "phone");
  if (phone) choices.phone = phone;
  if (form.get("sms") === "on") choices.sms = true;
  return choices;
}

export function readSubscribeForm(form: FormData, fallbackLanguage: string): SubscribeBody {
  return { email: text(form, "email"), ...readChoices(form, fallbackLanguage) };
}

/**
 * Field errors from a 400 problem. A dotted name (`channels.sms`) belongs to its first
 * part's control. Messages on a field the form does not show (or a problem without field
 * errors) go under "" so the summary at the top still says them. The API words its
 * messages in English for developers; `ownWords` gives the citizen's message per field in
 * the page's language, and the API's text is kept only for fields it does not cover.
 */
export function fieldErrors(error: unknown, shownFields: readonly string[], ownWords: Record<string, string> = {}): FieldErrors | null {
  if (!(error instanceof ApiError) || error.status !== 400) return null;
  const problem = error.problem as (ApiError["problem"] & { errors?: unknown }) | null;
  const errors: FieldErrors = {};
  const add = (name: string, messages: string[]) => {
    const field = shownFields.includes(name) ? name : (name.split(".")[0] ?? "");
    const key = shownFields.includes(field) ? field : "";
    const words = ownWords[key === "" ? name : key];
    const said = errors[key] ?? [];
    for (const message of words ? [words] : messages) if (!said.includes(message)) said.push(message);
    errors[key] = said;
  };
  if (problem?.errors && typeof problem.errors === "object") {
    for (const [field, messages] of Object.entries(problem.errors as Record<string, unknown>)) {
      add(field, (Array.isArray(messages) ? messages : [messages]).map(String));
    }
  } else {
    for (const param of problem?.invalid_params ?? []) add(param.name, [param.reason]);
  }
  if (Object.keys(errors).length === 0) add("", [problem?.detail ?? problem?.title ?? "Ongeldige invoer."]);
  return errors;
}

/** True when the API says the link is unknown or expired (404 problem `unknown-link`). */
export const isUnknownLink = (error: unknown) => error instanceof ApiError && error.status === 404;
