/**
 * What a page needs besides its own content answer (the home's latest news, the lists of
 * releases, projects and events, an edition's city-wide articles), loaded before the
 * first byte is sent: a failing request then gives a real error page with its status,
 * not a page cut off half-way through streaming.
 */
import { listAll, type ApiClient } from "./api/client";
import { cityWideArticles, type ArticleItem } from "./api/magazines";
import type { Content, ParticipationStatus, V2Page } from "./api/types";

export type DatedItem = V2Page & { date: string | null; intro?: string };
export type ProjectItem = V2Page & { participation_status: ParticipationStatus | null; intro?: string };
export type EventItem = V2Page & { start: string | null; location_name: string | null; intro?: string };

export interface PageData {
  news: DatedItem[];
  releases: DatedItem[];
  projects: ProjectItem[];
  events: EventItem[];
  cityArticles: ArticleItem[];
}

export const EMPTY: PageData = { news: [], releases: [], projects: [], events: [], cityArticles: [] };

export async function loadPageData(api: ApiClient, page: Content): Promise<PageData> {
  const locale = page.language;
  switch (page["@type"]) {
    case "core.HomePage": {
      const news = await api.pages<DatedItem>({ type: "pressroom.PressReleasePage", locale, fields: "intro,date", order: "-date", limit: 3 });
      return { ...EMPTY, news: news.items };
    }
    case "pressroom.PressRoomPage":
      return { ...EMPTY, releases: await listAll<DatedItem>(api, { type: "pressroom.PressReleasePage", locale, fields: "intro,date", order: "-date" }, 100) };
    case "projects.ProjectIndexPage":
      return { ...EMPTY, projects: await listAll<ProjectItem>(api, { type: "projects.ProjectPage", locale, fields: "intro,participation_status", order: "title" }) };
    case "events.EventIndexPage":
      return { ...EMPTY, events: await listAll<EventItem>(api, { type: "events.EventPage", locale, fields: "intro,start,location_name", order: "start" }) };
    case "neighbourhoods.MagazineEdition":
      return { ...EMPTY, cityArticles: await cityWideArticles(api, page) };
    default:
      return EMPTY;
  }
}
