/**
 * A small typed client for the public content API: pages by path (`/api/content/...`) and
 * Wagtail v2 listings (`/api/v2/pages/`). It only fetches and types; what to show is the
 * pages' business. Every non-2xx answer becomes an `ApiError` carrying the problem details
 * the API sends, so a page decides between "not found" and "something broke" in one place.
 */

import type { Content, ProblemDetails, V2Listing, V2Page } from "./types";

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface ClientOptions {
  /** The backend's origin, e.g. http://localhost:8000 (no trailing /api). */
  baseUrl: string;
  fetch?: Fetch;
  /** Give up after this long: a page should fail with an error page, not hang. */
  timeoutMs?: number;
}

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

export interface ApiClient {
  readonly baseUrl: string;
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

export function createApiClient(options: ClientOptions): ApiClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const doFetch: Fetch = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 15_000;

  const request = (url: string) =>
    doFetch(url, { headers: { Accept: "application/json" }, signal: AbortSignal.timeout(timeoutMs) });

  async function getJson<T>(url: string): Promise<T> {
    let response: Response;
    try {
      response = await request(url);
    } catch (error) {
      // A pooled keep-alive connection the backend had just closed fails with a network
      // TypeError ("other side closed"); a GET is safe to send again, once, on a new one.
      if (!(error instanceof TypeError)) throw error;
      response = await request(url);
    }
    if (!response.ok) {
      throw new ApiError(url, response.status, await readProblem(response));
    }
    return (await response.json()) as T;
  }

  return {
    baseUrl,
    content(path, { expand = [], batchSize } = {}) {
      const query = new URLSearchParams();
      if (expand.length) query.set("expand", expand.join(","));
      if (batchSize !== undefined) query.set("b_size", String(batchSize));
      const qs = query.toString();
      return getJson<Content>(`${baseUrl}/api/content/${normalisePath(path)}${qs ? `?${qs}` : ""}`);
    },
    pages<P extends V2Page = V2Page>(query: V2Query) {
      const params = new URLSearchParams();
      for (const [name, value] of Object.entries(query)) {
        if (value !== undefined && value !== "") params.set(name, String(value));
      }
      return getJson<V2Listing<P>>(`${baseUrl}/api/v2/pages/?${params.toString()}`);
    },
  };
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
