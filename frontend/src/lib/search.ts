/**
 * The search page's side of `GET /api/search/` (cms/api/services/search/): reading the
 * site's query string, asking the API, and the links a reader follows from an answer.
 *
 * Site parameters: `q`, `theme`, `wijk`, `type` (each may repeat: values of one facet are
 * ORed), `taal` (one language; absent means the page's language, `alle` means every
 * language: the API's `lang` both filters and picks the language the words are analysed
 * in, so it takes one value), `mode` (passed on when valid) and `page`.
 *
 * Searches are asked without the shared answer cache (`getPrivate`): the API keeps an
 * anonymous count of what is searched (search/querylog/ in the backend), and a search
 * answered from this server's memory would not be counted. Result links go through
 * `/{lang}/zoeken/open?t=...` on this site (`resultHref`, `openResult`), which tells the
 * API which result was opened and redirects to the page; it works without JavaScript.
 */
import { ApiError, CLIENT_KEY_HEADER, queryString, type ApiClient, type Fetch } from "./api/client";
import { pagePath } from "./api/links";
import type { components } from "./api/generated/schema";

export const FACETS = ["theme", "wijk", "type", "language"] as const;
export type Facet = (typeof FACETS)[number];
export const MODES = ["keyword", "vector", "hybrid"] as const;
export const ALL_LANGUAGES = "alle";
const MAX_QUERY_LENGTH = 500;
const MAX_PAGE = 100;

/** The API's answer, as its OpenAPI document describes it (`npm run generate:api`). */
export type SearchAnswer = components["schemas"]["SearchResults"];
export type SearchHit = SearchAnswer["items"][number];
export type FacetValue = NonNullable<SearchAnswer["facets"]["theme"]>[number];

export interface SearchRequest {
  q: string;
  theme: string[];
  wijk: string[];
  type: string[];
  /** One language, or null for every language. */
  language: string | null;
  mode: string | null;
  page: number;
}

const values = (params: URLSearchParams, name: string) =>
  [...new Set(params.getAll(name).flatMap((raw) => raw.split(",")).map((v) => v.trim()).filter(Boolean))];

/** The reader's question from the site's query string; anything odd is dropped, not an error. */
export function readSearch(params: URLSearchParams, pageLanguage: string): SearchRequest {
  const taal = params.get("taal");
  const mode = params.get("mode");
  const page = Number.parseInt(params.get("page") ?? "1", 10);
  return {
    q: (params.get("q") ?? "").trim().slice(0, MAX_QUERY_LENGTH),
    theme: values(params, "theme"),
    wijk: values(params, "wijk"),
    type: values(params, "type"),
    language: taal === ALL_LANGUAGES ? null : taal && /^[a-z]{2}$/.test(taal) ? taal : pageLanguage,
    mode: mode && (MODES as readonly string[]).includes(mode) ? mode : null,
    page: Number.isFinite(page) && page >= 1 && page <= MAX_PAGE ? page : 1,
  };
}

/** The API's query string for a request (the language facet is the API's `lang`). */
export function apiQuery(request: SearchRequest): string {
  const params = new URLSearchParams();
  params.set("q", request.q);
  for (const facet of ["theme", "wijk", "type"] as const) {
    if (request[facet].length) params.set(facet, request[facet].join(","));
  }
  if (request.language) params.set("lang", request.language);
  if (request.mode) params.set("mode", request.mode);
  if (request.page > 1) params.set("page", String(request.page));
  return params.toString();
}

/** The site's own URL for a request, for pagination and the language links. */
export function siteUrl(pageLanguage: string, request: SearchRequest, changes: Partial<SearchRequest> = {}): string {
  const next = { ...request, ...changes };
  const params = new URLSearchParams();
  params.set("q", next.q);
  for (const facet of ["theme", "wijk", "type"] as const) for (const value of next[facet]) params.append(facet, value);
  if (next.language !== pageLanguage) params.set("taal", next.language ?? ALL_LANGUAGES);
  if (next.mode) params.set("mode", next.mode);
  if (next.page > 1) params.set("page", String(next.page));
  return `/${pageLanguage}/zoeken?${params.toString()}`;
}

export async function search(api: ApiClient, request: SearchRequest): Promise<SearchAnswer> {
  return api.getPrivate<SearchAnswer>(`/api/search/?${apiQuery(request)}`);
}

/** The signed token of a result's `click` link, or null when the result has none. */
export function clickToken(hit: Pick<SearchHit, "click">): string | null {
  if (!hit.click) return null;
  try {
    return new URL(hit.click, "http://site.invalid").searchParams.get("t") || null;
  } catch {
    return null;
  }
}

/** Where a result links to: through this site's counted redirect when it has a click token, else the page. */
export function resultHref(language: string, hit: Pick<SearchHit, "click" | "url">): string {
  const token = clickToken(hit);
  if (token) return `/${language}/zoeken/open?${new URLSearchParams({ t: token }).toString()}`;
  return pagePath(hit.url) ?? hit.url;
}

export interface OpenOptions {
  baseUrl: string;
  clientKey?: string | undefined;
  fetch?: Fetch;
  timeoutMs?: number;
}

/**
 * Tell the API a result was opened (`GET /api/search/click/?t=`) and return the path on this
 * site to send the reader to; null when the API refuses the token (400) or the page is no
 * longer public (404). Only a path is returned, never another site's address: the API's
 * `Location` is reduced to its path, so even a wrong answer cannot make this an open redirect.
 * Nothing about the reader is passed on (no address, cookie or user agent).
 */
export async function openResult(token: string, options: OpenOptions): Promise<string | null> {
  const doFetch: Fetch = options.fetch ?? ((input, init) => fetch(input, init));
  const headers: Record<string, string> = { Accept: "application/json" };
  if (options.clientKey) headers[CLIENT_KEY_HEADER] = options.clientKey;
  const url = `${options.baseUrl.replace(/\/+$/, "")}/api/search/click/?${new URLSearchParams({ t: token }).toString()}`;
  const response = await doFetch(url, {
    headers,
    redirect: "manual",
    signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
  });
  if (response.status === 400 || response.status === 404) return null;
  const location = response.headers.get("location");
  if (response.status < 300 || response.status >= 400 || !location) {
    throw new ApiError(url, response.status, null);
  }
  const path = pagePath(location);
  return path ? path.replace(/^\/+/, "/") : null;
}

export type Suggestion = Pick<components["schemas"]["SearchSuggestions"]["items"][number], "title" | "url" | "language">;

export async function suggest(api: ApiClient, q: string, language: string | null, limit = 8): Promise<Suggestion[]> {
  const query = queryString({ q: q.slice(0, MAX_QUERY_LENGTH), lang: language ?? undefined, limit });
  try {
    const answer = await api.get<components["schemas"]["SearchSuggestions"]>(`/api/search/suggest/?${query}`);
    return answer.items.map(({ title, url, language: lang }) => ({ title, url, language: lang }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 400) return [];
    throw error;
  }
}

/** Page numbers to link to: the first, the last, and two either side of the current one. */
export function pageNumbers(current: number, pages: number): (number | null)[] {
  const wanted = new Set([1, pages, current - 2, current - 1, current, current + 1, current + 2]);
  const sorted = [...wanted].filter((n) => n >= 1 && n <= Math.min(pages, MAX_PAGE)).sort((a, b) => a - b);
  const out: (number | null)[] = [];
  sorted.forEach((n, i) => {
    if (i > 0 && n - (sorted[i - 1] ?? n) > 1) out.push(null);
    out.push(n);
  });
  return out;
}
