/** What a list card shows, built from the API's two listing shapes (content summaries, v2 items). */
import { pagePath } from "./api/links";
import type { PageSummary, V2Page } from "./api/types";

export interface ListItem {
  href: string | null;
  title: string;
  intro?: string | undefined;
  meta?: string | undefined;
  lang?: string | undefined;
}

export function fromSummary(item: PageSummary): ListItem {
  return { href: pagePath(item["@id"]), title: item.title, intro: item.intro };
}

export function fromV2(item: V2Page, meta?: string): ListItem {
  const intro = typeof item["intro"] === "string" ? item["intro"] : undefined;
  return { href: pagePath(item.meta.html_url), title: item.title, intro, meta };
}
