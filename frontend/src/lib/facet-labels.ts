/**
 * Names for the search facets' values, which the API gives as identifiers: theme and
 * wijk slugs (named by the subscription options endpoint, in the reader's language),
 * page types and language codes (named here). A name we cannot find shows the slug
 * made readable, so a missing endpoint never breaks the search page.
 */
import type { ApiClient } from "./api/client";
import type { Facet } from "./search";
import { LANGUAGE_NAMES } from "./i18n";
import { typeName } from "./strings/search";
import { loadOptions } from "./subscriptions";
import { wijkOptions } from "./filters";

export type Labeller = (facet: Facet, value: string) => string;

/**
 * Kinds of page search names beyond the page types: the API calls a chapter or section of an
 * imported document (the policy note) `themes.DocumentSection`, not a theme page.
 */
const KIND_NAMES: Record<string, Record<string, string>> = {
  "themes.DocumentSection": { nl: "Deel van een document", en: "Part of a document", fr: "Partie d'un document" },
};

/** What a result or the "kind of page" facet calls a page type, in the reader's language. */
export function kindName(type: string, language: string): string {
  const names = KIND_NAMES[type];
  return names ? (names[language] ?? names["nl"]!) : typeName(type, language);
}

export function readable(slug: string): string {
  const words = slug.replace(/[-_]+/g, " ").trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : slug;
}

export async function facetLabeller(api: ApiClient, language: string): Promise<Labeller> {
  const names: Record<"theme" | "wijk", Map<string, string>> = { theme: new Map(), wijk: new Map() };
  try {
    const options = await loadOptions(api, language);
    for (const theme of options.themes) names.theme.set(theme.slug, theme.name);
    for (const wijk of options.wijken) names.wijk.set(wijk.slug, wijk.name);
  } catch {
    try {
      for (const option of await wijkOptions(api, language)) names.wijk.set(option.value, option.label);
    } catch {
      // Slugs made readable will do.
    }
  }
  return (facet, value) => {
    if (facet === "type") return kindName(value, language);
    if (facet === "language") return LANGUAGE_NAMES[value] ?? value;
    return names[facet].get(value) ?? readable(value);
  };
}
