/**
 * The city-wide articles a wijk edition shows below its own: the articles without a wijk
 * in the city-wide magazine's editions of the same month, the rule the backend's
 * MagazineEdition.articles() applies. The content API gives an edition only its own
 * children, so the front end asks the v2 listing (three small, cacheable requests).
 */
import type { ApiClient } from "./client";
import type { MagazineEditionPage, V2Page } from "./types";

interface MagazineItem extends V2Page {
  wijk: string | null;
}
interface EditionItem extends V2Page {
  date: string | null;
}
export interface ArticleItem extends V2Page {
  intro: string;
  wijken: unknown[];
}

function month(date: string | null | undefined): string | null {
  return date ? date.slice(0, 7) : null;
}

export async function cityWideArticles(api: ApiClient, edition: MagazineEditionPage): Promise<ArticleItem[]> {
  const editionMonth = month(edition.fields.date);
  if (!editionMonth) return [];
  const locale = edition.language;
  const magazines = await api.pages<MagazineItem>({ type: "neighbourhoods.NeighbourhoodMagazine", locale, fields: "wijk" });
  const cityMagazines = magazines.items.filter((magazine) => magazine.wijk === null);
  // An edition of the city-wide magazine already is the city news.
  const parentPath = edition.parent ? new URL(edition.parent["@id"]).pathname.replace(/^\/api\/content/, "") : "";
  if (cityMagazines.some((magazine) => magazine.meta.html_url && new URL(magazine.meta.html_url).pathname.replace(/\/$/, "") === parentPath)) {
    return [];
  }
  const articles: ArticleItem[] = [];
  for (const magazine of cityMagazines) {
    const editions = await api.pages<EditionItem>({ type: "neighbourhoods.MagazineEdition", child_of: magazine.id, fields: "date" });
    for (const cityEdition of editions.items.filter((item) => month(item.date) === editionMonth)) {
      const found = await api.pages<ArticleItem>({
        type: "neighbourhoods.MagazineArticle",
        child_of: cityEdition.id,
        fields: "intro,wijken",
      });
      articles.push(...found.items.filter((article) => article.wijken.length === 0));
    }
  }
  return articles;
}
