/**
 * The signage player's shared vocabulary: what a slide and an alert look like on this site,
 * which slides may play now, and their words. Used by the server (the first slide, rendered
 * for browsers without JavaScript) and by the player script (src/scripts/signage.ts), so a
 * slide reads the same whichever drew it. Nothing here touches the network or the DOM.
 *
 * Slides come from the API's signage playlist (`/api/signage/<wijk>/`, city-wide at
 * `/api/signage/`); their pictures are rewritten to this site's `/signage/media/` (the
 * browser never reaches the backend, and the page's CSP allows images from 'self' only).
 */
import type { components } from "./api/generated/schema";

export type ApiPlaylist = components["schemas"]["SignagePlaylist"];
type ApiItem = components["schemas"]["SignageItem"];

export interface Slide {
  kind: string;
  title: string;
  image: { url: string; alt: string } | null;
  durationSeconds: number;
  validFrom: string | null;
  validUntil: string | null;
  startsAt: string | null;
  location: string | null;
  /** The full page: the API's address first, this site's once the server has set it (lib/signage-server.ts). */
  link: string | null;
  /** A QR code to `link`, as SVG markup drawn by the server; null without a link. */
  qr: string | null;
}

export interface Playlist {
  wijk: { slug: string; name: string } | null;
  language: string;
  slides: Slide[];
}

export interface Alert {
  id: number;
  headline: string;
  body: string;
  language: string;
}

/** Where this site passes a signage picture through (src/pages/signage/media). */
export const MEDIA_PREFIX = "/signage/media/";
/** How often the player asks for the active alerts: an alert interrupts within 30 s. */
export const ALERT_POLL_MS = 15_000;
/** How often the player asks for a new playlist (the API's answers are fresh for a minute). */
export const PLAYLIST_POLL_MS = 60_000;
/** A slide with no usable duration is shown this long. */
export const DEFAULT_DURATION_SECONDS = 10;
/** `?speed=` (tests, a quick look at a new screen): all slide durations and the playlist poll divided by it. */
export const MAX_SPEED = 100;

const TIME_ZONE = "Europe/Brussels";

/** A picture on the backend (`https://api.../media/images/x.jpg`) -> `/signage/media/images/x.jpg`; null otherwise. */
export function signageImageUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url, "http://site.invalid");
    if (!parsed.pathname.startsWith("/media/")) return null;
    return MEDIA_PREFIX + parsed.pathname.slice("/media/".length) + parsed.search;
  } catch {
    return null;
  }
}

function slideOf(item: ApiItem): Slide {
  const image = signageImageUrl(item.image?.url);
  const duration = Number(item.duration_seconds);
  return {
    kind: item.kind,
    title: item.title,
    image: image ? { url: image, alt: item.image?.alt ?? "" } : null,
    durationSeconds: Number.isFinite(duration) && duration > 0 ? duration : DEFAULT_DURATION_SECONDS,
    validFrom: item.valid_from ?? null,
    validUntil: item.valid_until ?? null,
    startsAt: item.starts_at ?? null,
    location: item.location ?? null,
    link: item.qr_target ?? null,
    qr: null,
  };
}

/** The API's playlist as the player plays it. */
export function playlistOf(answer: ApiPlaylist): Playlist {
  return { wijk: answer.wijk ?? null, language: answer.language, slides: answer.items.map(slideOf) };
}

function time(value: string | null): number | null {
  if (!value) return null;
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? null : parsed;
}

/** The slides whose window holds `now`: a screen that lost its connection never shows an ended event. */
export function playable(slides: Slide[], now: number): Slide[] {
  return slides.filter((slide) => {
    const from = time(slide.validFrom);
    const until = time(slide.validUntil);
    return (from === null || from <= now) && (until === null || now < until);
  });
}

/** `?speed=4` -> 4; anything else (absent, junk, below 1) -> 1; at most MAX_SPEED. */
export function speedOf(value: string | null | undefined): number {
  const speed = Number(value);
  return Number.isFinite(speed) && speed >= 1 ? Math.min(speed, MAX_SPEED) : 1;
}

const LOCALES: Record<string, string> = { nl: "nl-BE", en: "en-GB", fr: "fr-BE" };

/** "zaterdag 12 december, 14:00" in the slide's language, Ghent's time. */
export function when(value: string | null, language: string): string {
  const at = time(value);
  if (at === null) return "";
  const format = new Intl.DateTimeFormat(LOCALES[language] ?? "nl-BE", {
    weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit", timeZone: TIME_ZONE,
  });
  return format.format(at);
}

/** A clock time ("13:05") in Ghent, for "last updated". */
export function clock(at: number, language: string): string {
  return new Intl.DateTimeFormat(LOCALES[language] ?? "nl-BE", { hour: "2-digit", minute: "2-digit", timeZone: TIME_ZONE }).format(at);
}

export interface SignageWords {
  kinds: Record<string, string>;
  alert: string;
  nothing: string;
  offline: string;
  noConnection: string;
  more: string;
  cityWide: string;
  unknownWijk: string;
}

const WORDS: Record<string, SignageWords> = {
  nl: {
    kinds: { event: "Activiteit", press_release: "Nieuws", magazine_article: "Wijkkrant" },
    alert: "Crisisbericht",
    nothing: "Welkom",
    offline: "Geen verbinding. Laatst bijgewerkt om {time}.",
    noConnection: "Geen verbinding.",
    more: "Scan en lees meer",
    cityWide: "Heel Gent",
    unknownWijk: "Geen wijk met de naam “{wijk}”: kijk het adres van dit scherm na.",
  },
  en: {
    kinds: { event: "Event", press_release: "News", magazine_article: "Neighbourhood news" },
    alert: "Crisis alert",
    nothing: "Welcome",
    offline: "No connection. Last updated at {time}.",
    noConnection: "No connection.",
    more: "Scan to read more",
    cityWide: "All of Ghent",
    unknownWijk: "No wijk called “{wijk}”: check this screen's address.",
  },
  fr: {
    kinds: { event: "Activité", press_release: "Actualité", magazine_article: "Journal de quartier" },
    alert: "Alerte de crise",
    nothing: "Bienvenue",
    offline: "Pas de connexion. Dernière mise à jour à {time}.",
    noConnection: "Pas de connexion.",
    more: "Scannez pour en savoir plus",
    cityWide: "Tout Gand",
    unknownWijk: "Aucun quartier « {wijk} » : vérifiez l’adresse de cet écran.",
  },
};

export function signageWords(language: string): SignageWords {
  return WORDS[language] ?? (WORDS["nl"] as SignageWords);
}
