/**
 * What the signage pages and their JSON answers ask the API, on the server.
 *
 * - The playlist goes through the shared answer cache (the API allows a minute).
 * - Active alerts do not: the banner's 30 s cache plus a 15 s poll could hold an alert back
 *   45 s, and a screen must show it within 30. Screens in the same wijk share one answer
 *   for ALERTS_MEMO_MS instead, so a hundred screens still cost the API one request per
 *   wijk and language every few seconds. A failure is an error here (never "no alerts"):
 *   the player then keeps what it shows rather than drop an alert on a network hiccup.
 * - The brand (logo, colours) when the API has brand settings; none means the house style.
 */
import { renderSVG } from "uqr";
import { ApiError } from "./api/client";
import { pagePath } from "./api/links";
import { api } from "./api/server";
import type { components } from "./api/generated/schema";
import { playlistOf, type Alert, type ApiPlaylist, type Playlist } from "./signage";

export type Brand = components["schemas"]["Brand"];
type ActiveAlerts = components["schemas"]["ActiveCrisisAlerts"];

export const ALERTS_MEMO_MS = 5_000;
const HEX = /^#[0-9a-fA-F]{6}$/;

const qrCodes = new Map<string, string>();

/** A QR code (SVG) to `url`, drawn once per address: the same slides come back every minute. */
export function qrCode(url: string): string {
  let svg = qrCodes.get(url);
  if (svg === undefined) {
    if (qrCodes.size >= 1000) qrCodes.clear();
    svg = renderSVG(url, { border: 2, ecc: "M" });
    qrCodes.set(url, svg);
  }
  return svg;
}

/** Each slide's link on this site (`origin`: what readers type), with its QR code. */
export function linkedToSite(playlist: Playlist, origin: string): Playlist {
  const slides = playlist.slides.map((slide) => {
    const path = pagePath(slide.link);
    const link = path && path.startsWith("/") ? `${origin}${path}` : null;
    return { ...slide, link, qr: link ? qrCode(link) : null };
  });
  return { ...playlist, slides };
}

/**
 * The wijk's playlist (null wijk: the city's), its QR codes leading to `origin`; null when
 * the wijk does not exist. Other failures throw.
 */
export async function fetchPlaylist(wijk: string | null, language: string, origin: string): Promise<Playlist | null> {
  const path = wijk ? `/api/signage/${encodeURIComponent(wijk)}/` : "/api/signage/";
  try {
    return linkedToSite(playlistOf(await api.get<ApiPlaylist>(`${path}?language=${language}`)), origin);
  } catch (error) {
    if (error instanceof ApiError && error.notFound) return null;
    throw error;
  }
}

const alertsMemo = new Map<string, { at: number; alerts: Promise<Alert[]> }>();

/** The alerts for a wijk's screens (its own and the city-wide ones; null: city-wide only). Throws when the API fails. */
export function fetchAlerts(wijk: string | null, language: string, now = Date.now()): Promise<Alert[]> {
  const key = `${wijk ?? ""}|${language}`;
  const kept = alertsMemo.get(key);
  if (kept && now - kept.at < ALERTS_MEMO_MS) return kept.alerts;
  const query = new URLSearchParams({ lang: language });
  if (wijk) query.set("wijk", wijk);
  const alerts = api.getPrivate<ActiveAlerts>(`/api/automation/crisis/active/?${query.toString()}`).then((answer) =>
    (answer.alerts ?? [])
      // City-wide screens show only city-wide alerts; the API's `wijk` filter does that for a wijk's screens.
      .filter((alert) => wijk !== null || alert.city_wide)
      .map((alert) => ({ id: alert.id, headline: alert.headline, body: alert.body, language: alert.language })),
  );
  alertsMemo.set(key, { at: now, alerts });
  alerts.catch(() => alertsMemo.delete(key));
  return alerts;
}

/** The city's brand, or null (no brand settings in this API yet, or it failed): the house style then. */
export async function fetchBrand(): Promise<Brand | null> {
  try {
    const brand = await api.get<Brand>("/api/brand/");
    const colours = brand.colours;
    return colours && HEX.test(colours.primary) && HEX.test(colours.accent) && HEX.test(colours.text) ? brand : null;
  } catch (error) {
    if (!(error instanceof ApiError && error.notFound)) console.error("signage: brand unavailable:", error instanceof Error ? error.message : error);
    return null;
  }
}

/** The brand's colours as CSS custom properties (values checked as #rrggbb above). */
export function brandCss(brand: Brand | null): string {
  if (!brand) return "";
  const { primary, accent, text } = brand.colours;
  const font = /^[A-Za-z0-9 ]{1,40}$/.test(brand.typeface) ? `--signage-font:"${brand.typeface}",system-ui,sans-serif;` : "";
  return `html:root{--signage-primary:${primary};--signage-accent:${accent};--signage-text:${text};${font}}`;
}

export interface Screen {
  /** No such wijk: the page answers 404. */
  notFound: boolean;
  playlist: Playlist | null;
  alerts: Alert[];
  brand: Brand | null;
}

/** A wijk's slug as the API writes it (`brugse-poort-rooigem`); anything else is no wijk. */
export const isWijkSlug = (value: string): boolean => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value);

/**
 * Everything the server draws of a screen (null wijk: the city-wide one), fetched side by side.
 * When the API fails the server draws no slide and the script plays the stored playlist.
 */
export async function loadScreen(wijk: string | null, language: string, origin: string): Promise<Screen> {
  const brand = fetchBrand();
  if (wijk !== null && !isWijkSlug(wijk)) return { notFound: true, playlist: null, alerts: [], brand: await brand };
  const [playlist, alerts] = await Promise.all([
    fetchPlaylist(wijk, language, origin).then(
      (value) => ({ value, failed: false }),
      (error: unknown) => {
        console.error("signage: playlist unavailable:", error instanceof Error ? error.message : error);
        return { value: null, failed: true };
      },
    ),
    fetchAlerts(wijk, language).catch((): Alert[] => []),
  ]);
  return {
    notFound: !playlist.failed && playlist.value === null,
    playlist: playlist.value,
    alerts,
    brand: await brand,
  };
}
