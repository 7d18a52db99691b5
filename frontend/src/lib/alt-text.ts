/**
 * The language of an image's alt text. The city's image library is described in Dutch
 * (Dutch first: editors describe an image once, when they upload it), and a translated page
 * keeps the library's text until a translator writes its own. So an alt text that is the
 * library's (the block has none of its own, or the same words) is Dutch, and on an English
 * or French page it carries `lang="nl"` so a screen reader reads it with Dutch pronunciation.
 */
import { DEFAULT_LANGUAGE } from "./i18n";

/** The image library's language. */
export const LIBRARY_LANGUAGE = DEFAULT_LANGUAGE;

export interface AltText {
  text: string;
  /** The `lang` attribute it needs on this page: undefined when it is in the page's language. */
  lang: string | undefined;
}

export function altText(own: string | null | undefined, library: string | null | undefined, pageLanguage: string): AltText {
  const text = own?.trim() ? own : (library ?? "");
  const fromLibrary = !own?.trim() || own.trim() === (library ?? "").trim();
  const lang = fromLibrary && text !== "" && pageLanguage !== LIBRARY_LANGUAGE ? LIBRARY_LANGUAGE : undefined;
  return { text, lang };
}
