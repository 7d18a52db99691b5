/**
 * Taking part in a project: the reaction form (POST /api/projects/{id}/reactions/) and
 * following a project (the subscribe API with `projects`, double opt-in).
 *
 * The forms are plain HTML posted to this server (they work without JavaScript), which
 * sends them on as JSON; the API's 400 problem names each bad field and the page shows
 * our own words next to it.
 */
import { ApiError, type ApiClient } from "./api/client";
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from "./i18n";
import type { SubscribeBody } from "./subscriptions";

/** The API's length limit on a reaction (cms/projects/submission.py MAX_TEXT). */
export const MAX_REACTION = 2000;

// A type alias (not an interface): it must satisfy the request schema's index signature.
export type ReactionBody = {
  text: string;
  phase?: number | null;
  answer?: string;
  wijk?: string;
  language?: Language;
  contact_consent?: boolean;
  name?: string;
  email?: string;
  website?: string;
};

export type FollowBody = SubscribeBody & { projects: number[] };

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
};

const isLanguage = (value: string): value is Language => (LANGUAGES as readonly string[]).includes(value);

export function readReactionForm(form: FormData, language: string): ReactionBody {
  const phase = Number.parseInt(text(form, "phase"), 10);
  const consent = form.get("contact_consent") === "on";
  return {
    text: text(form, "text"),
    phase: Number.isFinite(phase) ? phase : null,
    answer: text(form, "answer"),
    wijk: text(form, "wijk"),
    language: isLanguage(language) ? language : DEFAULT_LANGUAGE,
    contact_consent: consent,
    // Without consent nothing personal leaves this server either.
    name: consent ? text(form, "name") : "",
    email: consent ? text(form, "email") : "",
    website: text(form, "website"),
  };
}

export const react = (api: ApiClient, projectId: number, body: ReactionBody) =>
  api.send<{ status: string }>("POST", `/api/projects/${projectId}/reactions/`, body);

export const follow = (api: ApiClient, projectId: number, email: string, language: Language) => {
  const body: FollowBody = { email, language, wijken: [], themes: [], press: false, crisis: false, projects: [projectId] };
  return api.send<{ status: string }>("POST", "/api/automation/subscriptions/", body);
};

/** 409 `input-closed`: the phase closed between reading the page and posting. */
export const isClosed = (error: unknown) => error instanceof ApiError && error.status === 409;
export const isTooMany = (error: unknown) => error instanceof ApiError && error.status === 429;

/** A project path posted back by our own form: only a site path (`/nl/projecten/x`), never another site. */
export function safeProjectPath(value: string): string | null {
  return /^\/[a-z]{2}(\/[\w\-%.]+)+\/?$/.test(value) && !value.includes("..") ? value.replace(/\/+$/, "") : null;
}

export const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
