/**
 * What a page needs besides its own content answer (the home's latest news, the lists of
 * releases, projects and events, an edition's city-wide articles), loaded before the
 * first byte is sent: a failing request then gives a real error page with its status,
 * not a page cut off half-way through streaming.
 */
import { listAll, type ApiClient } from "./api/client";
import { cityWideArticles, type ArticleItem } from "./api/magazines";
import type { Content, EditionPrint, EditionPrints, ParticipationStatus, V2Page } from "./api/types";
import { NO_FILTERS, readFilters, wijkOptions, yearOptions, type ListFilters, type Option } from "./filters";

export type DatedItem = V2Page & { date: string | null; intro?: string };
export type ProjectItem = V2Page & { participation_status: ParticipationStatus | null; intro?: string };
export type EventItem = V2Page & { start: string | null; location_name: string | null; intro?: string };

export interface PageData {
  news: DatedItem[];
  releases: DatedItem[];
  projects: ProjectItem[];
  events: EventItem[];
  cityArticles: ArticleItem[];
  /** An edition's ready PDFs (print, accessible, large print). */
  prints: EditionPrint[];
  /** The filters applied to a list, and the options its filter form offers. */
  filters: ListFilters;
  wijkOptions: Option[];
  yearOptions: Option[];
}

export const EMPTY: PageData = {
  news: [], releases: [], projects: [], events: [], cityArticles: [], prints: [],
  filters: NO_FILTERS, wijkOptions: [], yearOptions: [],
};

/** The participation statuses a reader can filter projects on (the model's choices). */
export const STATUS_VALUES: ParticipationStatus[] = ["in_development", "decided"];

export async function loadPageData(api: ApiClient, page: Content, query: URLSearchParams): Promise<PageData> {
  const locale = page.language;
  switch (page["@type"]) {
    case "core.HomePage": {
      const news = await api.pages<DatedItem>({ type: "pressroom.PressReleasePage", locale, fields: "intro,date", order: "-date", limit: 3 });
      return { ...EMPTY, news: news.items };
    }
    case "pressroom.PressRoomPage": {
      const wijken = await wijkOptions(api, locale);
      const wijk = readFilters(query, { wijken }).wijk;
      const all = await listAll<DatedItem>(api, { type: "pressroom.PressReleasePage", locale, fields: "intro,date", order: "-date", wijk: wijk ?? undefined }, 100);
      const years = yearOptions(all.map((item) => item.date));
      const filters = readFilters(query, { wijken, years });
      const releases = filters.year ? all.filter((item) => item.date?.startsWith(filters.year ?? "")) : all;
      return { ...EMPTY, releases, filters, wijkOptions: wijken, yearOptions: years };
    }
    case "projects.ProjectIndexPage": {
      const wijken = await wijkOptions(api, locale);
      const filters = readFilters(query, { wijken, statuses: STATUS_VALUES.map((value) => ({ value, label: value })) });
      const projects = await listAll<ProjectItem>(api, {
        type: "projects.ProjectPage", locale, fields: "intro,participation_status", order: "title",
        wijk: filters.wijk ?? undefined, participation_status: filters.status ?? undefined,
      });
      return { ...EMPTY, projects, filters, wijkOptions: wijken };
    }
    case "events.EventIndexPage":
      return { ...EMPTY, events: await listAll<EventItem>(api, { type: "events.EventPage", locale, fields: "intro,start,location_name", order: "start" }) };
    case "neighbourhoods.MagazineEdition": {
      const prints = await api.get<EditionPrints>(`${new URL(page["@id"]).pathname}/@print`);
      return { ...EMPTY, cityArticles: await cityWideArticles(api, page), prints: prints.items };
    }
    default:
      return EMPTY;
  }
}
