/**
 * Turning the API's absolute URLs into links on this site.
 *
 * The site mirrors the API's page paths (`/api/content/nl/wijken/x` is shown at
 * `/nl/wijken/x`), and media and documents are passed through by this server
 * (`src/pages/media`, `src/pages/documents`), so a reader's browser never needs to reach
 * the backend itself, which in production sits on a private network.
 */

const CONTENT_PREFIX = "/api/content";
const PASSED_THROUGH = ["/media/", "/documents/"];

function parse(url: string): URL | null {
  try {
    return new URL(url, "http://site.invalid");
  } catch {
    return null;
  }
}

function trimSlashes(path: string): string {
  const trimmed = path.replace(/\/+$/, "");
  return trimmed === "" ? "/" : trimmed;
}

/** A content `@id` or a v2 `html_url` -> this site's path (`/nl/pers/x`); null if it is neither. */
export function pagePath(url: string | null | undefined): string | null {
  if (!url) return null;
  const parsed = parse(url);
  if (!parsed) return null;
  const path = parsed.pathname;
  if (path === CONTENT_PREFIX || path.startsWith(`${CONTENT_PREFIX}/`)) {
    const rest = path.slice(CONTENT_PREFIX.length);
    if (rest.split("/").some((segment) => segment.startsWith("@"))) return null; // a component, not a page
    return trimSlashes(rest || "/");
  }
  if (path.startsWith("/api/")) return null; // a listing (a theme's @id): no page of its own
  return trimSlashes(path);
}

/** A media or document URL on the backend -> the same path here; anything else unchanged. */
export function assetUrl(url: string): string {
  const parsed = parse(url);
  if (parsed && PASSED_THROUGH.some((prefix) => parsed.pathname.startsWith(prefix))) {
    return parsed.pathname + parsed.search;
  }
  return url;
}

/** The page path this site was asked for -> the content path the API knows (`nl/pers`). */
export function contentPathOf(sitePath: string): string {
  return sitePath.replace(/^\/+|\/+$/g, "");
}
