/**
 * A small typed client for the public content API: pages by path (`/api/content/...`) and
 * Wagtail v2 listings (`/api/v2/pages/`). It only fetches and types; what to show is the
 * pages' business. Every non-2xx answer becomes an `ApiError` carrying the problem details
 * the API sends, so a page decides between "not found" and "something broke" in one place.
 */

import { cachePolicy, type ResponseCache } from "./response-cache";
import type { Content, ProblemDetails, V2Listing, V2Page } from "./types";

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface ClientOptions {
  /** The backend's origin, e.g. http://localhost:8000 (no trailing /api). */
  baseUrl: string;
  fetch?: Fetch;
  /** Give up after this long: a page should fail with an error page, not hang. */
  timeoutMs?: number;
  /** Keep public answers here and revalidate them with If-None-Match (response-cache.ts). */
  cache?: ResponseCache;
  /** Sent as X-Vrijhaven-Client-Key: the API exempts known front ends from its rate limit. */
  clientKey?: string | undefined;
  /** The clock, for tests of freshness. */
  now?: () => number;
}

export const CLIENT_KEY_HEADER = "X-Vrijhaven-Client-Key";

export type Component = "breadcrumbs" | "navigation" | "translations" | "children";

export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetails | null;
  readonly url: string;

  constructor(url: string, status: number, problem: ProblemDetails | null) {
    super(`${status} from ${url}${problem ? `: ${problem.detail ?? problem.title}` : ""}`);
    this.name = "ApiError";
    this.url = url;
    this.status = status;
    this.problem = problem;
  }

  get notFound(): boolean {
    return this.status === 404;
  }
}

export type V2Query = Record<string, string | number | undefined>;

export interface Sent<T> {
  status: number;
  body: T;
}

export interface ApiClient {
  readonly baseUrl: string;
  /** GET `path` (from /api/..., with its query) as JSON, through the cache when there is one. */
  get<T>(path: string): Promise<T>;
  /** GET without the shared cache: drafts and a citizen's own data. */
  getPrivate<T>(path: string): Promise<T>;
  /** POST/PUT a JSON body; a non-2xx answer is an ApiError with the problem (and its field errors). */
  send<T>(method: "POST" | "PUT", path: string, body: unknown): Promise<Sent<T>>;
  content(path: string, options?: { expand?: Component[]; batchSize?: number }): Promise<Content>;
  pages<P extends V2Page = V2Page>(query: V2Query): Promise<V2Listing<P>>;
}

/** `"/nl/themas/x/"` -> `"nl/themas/x"`: the API and the site share page paths. */
export function normalisePath(path: string): string {
  return path
    .split("/")
    .filter((segment) => segment !== "" && segment !== "." && segment !== "..")
    .map((segment) => encodeURIComponent(decodeURIComponent(segment)))
    .join("/");
}

async function readProblem(response: Response): Promise<ProblemDetails | null> {
  try {
    const body: unknown = await response.json();
    if (body && typeof body === "object" && "status" in body && "title" in body) {
      return body as ProblemDetails;
    }
  } catch {
    // A proxy's HTML error page or an empty body: the status alone must do.
  }
  return null;
}

/** An answer's body, and whether it may answer other readers too (not private or no-store). */
interface Fetched {
  body: string;
  shareable: boolean;
}

export function createApiClient(options: ClientOptions): ApiClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const doFetch: Fetch = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 15_000;
  const cache = options.cache;
  const now = options.now ?? Date.now;

  const headers = (extra: Record<string, string> = {}) => {
    const all: Record<string, string> = { Accept: "application/json", ...extra };
    if (options.clientKey) all[CLIENT_KEY_HEADER] = options.clientKey;
    return all;
  };

  const request = (url: string, extra?: Record<string, string>) =>
    doFetch(url, { headers: headers(extra), signal: AbortSignal.timeout(timeoutMs) });

  async function fetchOnceMore(url: string, extra?: Record<string, string>): Promise<Response> {
    try {
      return await request(url, extra);
    } catch (error) {
      // A pooled keep-alive connection the backend had just closed fails with a network
      // TypeError ("other side closed"); a GET is safe to send again, once, on a new one.
      if (!(error instanceof TypeError)) throw error;
      return request(url, extra);
    }
  }

  // One request in flight per cacheable URL: when a crowd asks the same page at once (a
  // crisis alert goes out), the first reader's request to the API answers them all. An
  // answer marked `private` or `no-store` (a page under experiment: a version drawn and
  // counted for one view) is the first reader's alone: the others ask for their own.
  const inFlight = new Map<string, Promise<Fetched>>();

  async function getText(url: string, useCache: boolean): Promise<string> {
    if (!useCache) return (await fetchText(url, false)).body;
    const pending = inFlight.get(url);
    if (pending) {
      const shared = await pending;
      return shared.shareable ? shared.body : (await fetchText(url, false)).body;
    }
    const started = fetchText(url, true).finally(() => inFlight.delete(url));
    inFlight.set(url, started);
    return (await started).body;
  }

  async function fetchText(url: string, useCache: boolean): Promise<Fetched> {
    const stored = useCache ? cache?.get(url) : undefined;
    if (stored && stored.freshUntil > now()) {
      cache!.stats.fresh += 1;
      return { body: stored.body, shareable: true };
    }
    const response = await fetchOnceMore(url, stored?.etag ? { "If-None-Match": stored.etag } : undefined);
    if (response.status === 304 && stored) {
      const policy = cachePolicy(response.headers.get("cache-control"));
      cache!.set(url, { ...stored, freshUntil: now() + policy.maxAgeSeconds * 1000 });
      cache!.stats.revalidated += 1;
      return { body: stored.body, shareable: true };
    }
    if (!response.ok) {
      if (stored) cache!.delete(url);
      throw new ApiError(url, response.status, await readProblem(response));
    }
    const body = await response.text();
    const policy = cachePolicy(response.headers.get("cache-control"));
    if (cache && useCache) {
      cache.stats.fetched += 1;
      const etag = response.headers.get("etag");
      if (policy.cacheable && (etag || policy.maxAgeSeconds > 0)) {
        cache.set(url, { body, etag, freshUntil: now() + policy.maxAgeSeconds * 1000, uid: null });
      } else {
        cache.delete(url);
      }
    }
    return { body, shareable: !/\b(private|no-store)\b/i.test(response.headers.get("cache-control") ?? "") };
  }

  async function getJson<T>(url: string, useCache = true): Promise<T> {
    const parsed: unknown = JSON.parse(await getText(url, useCache));
    // Remember a content answer's translation key (UID): the webhook names pages by it.
    const stored = useCache ? cache?.peek(url) : undefined;
    if (stored && stored.uid === null && parsed && typeof parsed === "object" && "UID" in parsed) {
      stored.uid = String((parsed as { UID: unknown }).UID);
    }
    return parsed as T;
  }

  return {
    baseUrl,
    get: <T>(path: string) => getJson<T>(`${baseUrl}${path}`),
    getPrivate: <T>(path: string) => getJson<T>(`${baseUrl}${path}`, false),
    async send<T>(method: "POST" | "PUT", path: string, body: unknown): Promise<Sent<T>> {
      const url = `${baseUrl}${path}`;
      // Not retried: a POST that reached the backend must not be sent twice.
      const response = await doFetch(url, {
        method,
        headers: headers({ "Content-Type": "application/json" }),
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) throw new ApiError(url, response.status, await readProblem(response));
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
    },
    content(path, { expand = [], batchSize } = {}) {
      const query = new URLSearchParams();
      if (expand.length) query.set("expand", expand.join(","));
      if (batchSize !== undefined) query.set("b_size", String(batchSize));
      const qs = query.toString();
      return getJson<Content>(`${baseUrl}/api/content/${normalisePath(path)}${qs ? `?${qs}` : ""}`);
    },
    pages<P extends V2Page = V2Page>(query: V2Query) {
      return getJson<V2Listing<P>>(`${baseUrl}/api/v2/pages/?${queryString(query)}`);
    },
  };
}

/** Query parameters in the given order, empty values left out. */
export function queryString(query: V2Query): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== "") params.set(name, String(value));
  }
  return params.toString();
}

/** v2 answers at most 20 items per request: walk the offsets until `max` items or the end. */
export async function listAll<P extends V2Page = V2Page>(api: ApiClient, query: V2Query, max = 200): Promise<P[]> {
  const pageSize = 20;
  const items: P[] = [];
  for (let offset = 0; offset < max; offset += pageSize) {
    const listing = await api.pages<P>({ ...query, limit: Math.min(pageSize, max - offset), offset });
    items.push(...listing.items);
    if (items.length >= listing.meta.total_count || listing.items.length === 0) break;
  }
  return items;
}
