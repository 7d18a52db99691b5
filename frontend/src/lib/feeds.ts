/** The feeds a page type offers: readers subscribe to press releases and to the events calendar. */
import type { PageType } from "./api/types";

export interface Feed {
  href: string;
  type: string;
  title: string;
}

export function feedsFor(pageType: PageType | string, language: string, title: string): Feed[] {
  const query = `?language=${encodeURIComponent(language)}`;
  switch (pageType) {
    case "pressroom.PressRoomPage":
    case "pressroom.PressReleasePage":
      return [
        { href: `/feeds/press/rss/${query}`, type: "application/rss+xml", title: `${title} (RSS)` },
        { href: `/feeds/press/atom/${query}`, type: "application/atom+xml", title: `${title} (Atom)` },
      ];
    case "events.EventIndexPage":
      return [{ href: `/feeds/events.ics${query}`, type: "text/calendar", title: `${title} (iCalendar)` }];
    default:
      return [];
  }
}
