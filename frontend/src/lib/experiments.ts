/**
 * Page experiments on this site: the measured button leads through this server.
 *
 * While an experiment runs on a page, the API draws a version for each view and points the
 * measured button at its counting redirect (`/api/experiments/click/?t=...`, see
 * cms/api/services/experiments/). The button here points to this site instead
 * (`/{lang}/experiment/klik?t=...`), whose route asks the API from this server, so the
 * reader's address, cookies and browser never reach the API, and redirects the reader to
 * where the button really leads. A plain link and a 302: works without JavaScript. Nothing
 * is stored on the reader's device.
 */
import { ApiError, CLIENT_KEY_HEADER, type Fetch } from "./api/client";
import { assetUrl } from "./api/links";

export const CLICK_PATH = "/api/experiments/click/";

/** The signed token of an API counting link, or null when `url` is not one. */
export function measuredToken(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url, "http://site.invalid");
    if (parsed.pathname !== CLICK_PATH) return null;
    return parsed.searchParams.get("t") || null;
  } catch {
    return null;
  }
}

/** Where a button links to on this site: through this site's counting route when the API measures it. */
export function buttonHref(language: string, url: string): string {
  const token = measuredToken(url);
  if (token) return `/${language}/experiment/klik?${new URLSearchParams({ t: token }).toString()}`;
  return assetUrl(url);
}

/** An experiment's answer is drawn for one view: it must not be kept or shared by any cache. */
export function pageCacheControl(page: object | null, publicValue: string): string {
  return page && "experiment" in page && page.experiment ? "private, no-store" : publicValue;
}

export interface FollowOptions {
  baseUrl: string;
  clientKey?: string | undefined;
  fetch?: Fetch;
  timeoutMs?: number;
}

/**
 * Tell the API the measured button was followed (`GET /api/experiments/click/?t=`; it counts
 * the first use of a token only) and return where to send the reader, or null when the API
 * refuses the token (400, 404). Only an http(s) address is returned.
 */
export async function followMeasuredLink(token: string, options: FollowOptions): Promise<string | null> {
  const doFetch: Fetch = options.fetch ?? ((input, init) => fetch(input, init));
  const headers: Record<string, string> = { Accept: "application/json" };
  if (options.clientKey) headers[CLIENT_KEY_HEADER] = options.clientKey;
  const url = `${options.baseUrl.replace(/\/+$/, "")}${CLICK_PATH}?${new URLSearchParams({ t: token }).toString()}`;
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
  try {
    const target = new URL(location);
    return target.protocol === "https:" || target.protocol === "http:" ? target.toString() : null;
  } catch {
    return null;
  }
}
