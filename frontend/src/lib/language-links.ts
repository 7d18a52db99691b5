/**
 * Where the language switcher leads, and which pages are announced as alternates (hreflang).
 *
 * The switcher is always there, on every page, with every language of the site: a French
 * reader who lands on a Dutch-only wijk page, an article or the 404 page must have a way
 * back. Each language goes to, in this order:
 *   1. the page's own translation (the API's `@translations` items);
 *   2. otherwise the nearest ancestor translated into it (the API's `fallbacks`), or
 *      that language's home page, marked `?onvertaald=1` so the page there says, in its
 *      own language, that the page asked for does not exist in it (UNTRANSLATED_PARAM).
 * The site's own pages (search, subscribe, preferences) exist in every language: their
 * query string travels along, so a search keeps `q` and its filters and the preference
 * centre keeps its token.
 *
 * hreflang alternates list only real translations, the page itself included, with
 * absolute URLs and an x-default (the Dutch page), as search engines require.
 */
import { pagePath } from "./api/links";
import type { Translation, TranslationFallback } from "./api/types";
import { DEFAULT_LANGUAGE, LANGUAGES } from "./i18n";

/** Marks a switcher link that had to go to another page than the one the reader was on. */
export const UNTRANSLATED_PARAM = "onvertaald";

export interface LanguageLink {
  language: string;
  href: string;
  /** False when the page does not exist in that language and the link goes elsewhere. */
  exact: boolean;
}

export interface Alternate {
  hreflang: string;
  href: string;
}

/** Parameters that report what just happened on this page; not carried to another language. */
const ONE_SHOT = [UNTRANSLATED_PARAM, "opgeslagen"];

/** The query string without the one-shot markers (the token, `q` and filters stay). */
function keptQuery(search: string): string {
  const params = new URLSearchParams(search);
  for (const name of ONE_SHOT) params.delete(name);
  const rest = params.toString();
  return rest ? `?${rest}` : "";
}

function untranslated(path: string): string {
  return `${path}?${UNTRANSLATED_PARAM}=1`;
}

/** Links for a page of the content tree (or no page at all: the 404 and error pages). */
export function contentLanguageLinks(
  language: string,
  translations: Translation[],
  fallbacks: TranslationFallback[] = [],
): LanguageLink[] {
  return LANGUAGES.filter((other) => other !== language).map((other) => {
    const translation = translations.find((item) => item.language === other);
    const exact = translation ? pagePath(translation["@id"]) : null;
    if (exact) return { language: other, href: exact, exact: true };
    const fallback = fallbacks.find((item) => item.language === other);
    const nearest = fallback ? pagePath(fallback["@id"]) : null;
    return { language: other, href: untranslated(nearest ?? `/${other}`), exact: false };
  });
}

/** Links for one of the site's own pages (`zoeken`, `voorkeuren`, ...): same page, same query. */
export function siteLanguageLinks(language: string, slug: string, search: string): LanguageLink[] {
  const query = keptQuery(search);
  return LANGUAGES.filter((other) => other !== language).map((other) => ({
    language: other,
    href: `/${other}/${slug}${query}`,
    exact: true,
  }));
}

/**
 * The page's hreflang alternates: itself and each exact translation, absolute, plus
 * x-default (the Dutch version when there is one, else the page itself).
 */
export function alternates(origin: string, language: string, selfPath: string, links: LanguageLink[]): Alternate[] {
  const exact = [{ language, href: selfPath }, ...links.filter((link) => link.exact)].map((link) => ({
    hreflang: link.language,
    href: new URL(link.href.split("?")[0] ?? link.href, origin).href,
  }));
  exact.sort((a, b) => a.hreflang.localeCompare(b.hreflang));
  const fallback = exact.find((item) => item.hreflang === DEFAULT_LANGUAGE) ?? exact.find((item) => item.hreflang === language);
  return fallback ? [...exact, { hreflang: "x-default", href: fallback.href }] : exact;
}

/**
 * The public origin of the site: VRIJHAVEN_SITE_URL (behind a proxy), else the address the
 * request was sent to: its `Host` header, which server/hosts.mjs has checked against the
 * allow-list (Astro's own `Astro.url` names "localhost" for any host it was not told to trust).
 */
export function siteOrigin(requestUrl: URL, host: string | null, publicUrl: string | undefined = process.env["VRIJHAVEN_SITE_URL"]): string {
  for (const candidate of [publicUrl, host ? `${requestUrl.protocol}//${host}` : undefined]) {
    if (!candidate) continue;
    try {
      return new URL(candidate).origin;
    } catch {
      // A malformed setting or header: try the next.
    }
  }
  return requestUrl.origin;
}
