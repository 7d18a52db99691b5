/** The query of the signage pages and their JSON answers: `?lang=` (nl default) and, for the answers, `?wijk=`. */
import { isWijkSlug } from "../../lib/signage-server";
import { isSiteLanguage } from "../../lib/site-pages";

export function languageOf(url: URL): string {
  const lang = url.searchParams.get("lang") ?? undefined;
  return isSiteLanguage(lang) ? lang : "nl";
}

/** `?wijk=ledeberg` -> "ledeberg"; absent -> null (city-wide); undefined when it is not a slug. */
export function wijkOf(url: URL): string | null | undefined {
  const wijk = url.searchParams.get("wijk");
  if (wijk === null || wijk === "") return null;
  return isWijkSlug(wijk) ? wijk : undefined;
}

export const NO_STORE = { "Cache-Control": "no-store" };
