/**
 * The site's own pages (search, subscribe, preferences): they are not in the content
 * tree, so their language is checked here (their language links: src/lib/language-links.ts).
 */
import { LANGUAGES, type Language } from "./i18n";

export function isSiteLanguage(value: string | undefined): value is Language {
  return value !== undefined && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * Cache-Control of public pages: browsers and proxies must ask again on every view. Every
 * page carries the crisis banner, which may not lag more than the API's 30 s, and a
 * published change must show at once (the publish webhook empties this server's memory,
 * not a browser's). Asking again is cheap: this server answers from its own memory of
 * API answers (src/lib/api/response-cache.ts).
 */
export const PUBLIC_PAGE_CACHE = "public, no-cache";

/** Headers for a page that shows a citizen's own data or a token: no caching, no referrer, no index. */
export function markPrivate(headers: Headers): void {
  headers.set("Cache-Control", "private, no-store");
  headers.set("Referrer-Policy", "no-referrer");
  headers.set("X-Robots-Tag", "noindex");
}
