/**
 * The citizens' test panel (automation/panel): joining with double opt-in, and the
 * pretest form behind an invitation's personal link, with its cloze gaps.
 *
 * Like the other forms, these are plain HTML posted to this server (no JavaScript needed),
 * which sends them on as JSON; the API's 400 problem names each bad field. The draft is
 * read with `getPrivate`: it is one person's link, never for the shared cache.
 */
import { ApiError, type ApiClient } from "./api/client";
import type { components } from "./api/generated/schema";
import type { Named } from "./subscriptions";

const P = "/api/automation/panel";

/** The consent text's version the API takes now (a literal in the document: a new text is a new build). */
export type ConsentVersion = components["schemas"]["PanelJoinRequest"]["consent_version"];

export interface PanelConsent {
  version: ConsentVersion;
  text: string;
  languages: string[];
  wijken: Named[];
}

// Type aliases (not interfaces): request schemas allow extra members (conformance.ts).
export type JoinBody = { email: string; wijk: string; language: "nl" | "en" | "fr"; consent_version: ConsentVersion };
export type AnswerBody = { answers: Record<string, number | string>; cloze: string[] };

export type ClozePiece = { text: string } | { gap: number };

export interface PretestQuestion {
  key: string;
  kind: "scale" | "text";
  text: string;
  scale?: { value: number; label: string }[];
}

export interface PretestForm {
  title: string;
  language: string;
  answered: boolean;
  questions: PretestQuestion[];
  cloze: { every: number; gaps: number; paragraphs: ClozePiece[][] };
}

export const loadConsent = (api: ApiClient, language: string) =>
  api.get<PanelConsent>(`${P}/consent/?lang=${encodeURIComponent(language)}`);

export const join = (api: ApiClient, body: JoinBody) => api.send<{ status: string }>("POST", `${P}/join/`, body);

export const confirmPanel = (api: ApiClient, token: string) =>
  api.send<{ status: string }>("POST", `${P}/confirm/`, { token });

/** Only a token of the shape the city makes: never a path of our own choosing in the API URL. */
export const safeToken = (token: string | undefined): string | null =>
  token && /^[\w-]{10,100}$/.test(token) ? token : null;

export const loadPretest = (api: ApiClient, token: string) => api.getPrivate<PretestForm>(`${P}/pretests/${token}/`);

export const answerPretest = (api: ApiClient, token: string, body: AnswerBody) =>
  api.send<{ status: string }>("POST", `${P}/pretests/${token}/`, body);

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
};

/** The posted form as the API's body: a scale as a number (left out when not chosen), texts, one word per gap. */
export function readAnswerForm(form: FormData, pretest: PretestForm): AnswerBody {
  const answers: Record<string, number | string> = {};
  for (const question of pretest.questions) {
    const value = text(form, `vraag-${question.key}`);
    if (question.kind === "scale") {
      const chosen = Number.parseInt(value, 10);
      if (Number.isInteger(chosen)) answers[question.key] = chosen;
    } else if (value) {
      answers[question.key] = value;
    }
  }
  const cloze = Array.from({ length: pretest.cloze.gaps }, (_, gap) => text(form, `gat-${gap}`));
  return { answers, cloze };
}

/** 409 `already-answered`: this link took its one answer before. */
export const isAlreadyAnswered = (error: unknown) => error instanceof ApiError && error.status === 409;
