/**
 * The signage player: cycles the playlist with the durations the API gives, and lets an
 * active crisis alert take the screen until it ends. Loaded only by /signage pages (its own
 * bundle; reading pages ship no JavaScript).
 *
 * It keeps playing through an outage: the last good playlist lives in memory and in
 * localStorage (a reload while the API is down still plays it, dropping each slide when its
 * validity window ends), pictures are preloaded and this site keeps a copy of them
 * (lib/signage-media.ts). A failing poll never ends an alert: only an answer saying so.
 *
 * The server renders the first slide (and, with JavaScript off, a meta refresh to the next):
 * the script takes over from the slide the server drew. `?speed=N` divides the slide
 * durations and the playlist poll by N (tests; a quick look at a new screen); alerts are
 * polled every 15 s whatever the speed.
 */
import {
  ALERT_POLL_MS, clock, PLAYLIST_POLL_MS, playable, signageWords, speedOf, when,
  type Alert, type Playlist, type Slide,
} from "../lib/signage";

interface Stored<T> {
  savedAt: number;
  value: T;
}

function start(root: HTMLElement): void {
  const language = root.dataset["lang"] ?? "nl";
  const wijk = root.dataset["wijk"] ?? "";
  const speed = speedOf(root.dataset["speed"]);
  const words = signageWords(language);
  const query = new URLSearchParams({ lang: language });
  if (wijk) query.set("wijk", wijk);
  const storageKey = `vrijhaven-signage:${wijk || "stad"}:${language}`;
  const slidesBox = root.querySelector<HTMLElement>("[data-slides]")!;
  const alertBox = root.querySelector<HTMLElement>("[data-alert]")!;
  const alertList = root.querySelector<HTMLElement>("[data-alert-list]")!;
  const status = root.querySelector<HTMLElement>("[data-status]")!;

  let slides: Slide[] = [];
  let index = Number(root.dataset["index"] ?? 0) || 0;
  let slideTimer: number | undefined;
  let alerts: Alert[] = [];
  let lastGood = 0;
  const preloaded = new Map<string, HTMLImageElement>();

  const read = <T>(key: string): Stored<T> | null => {
    try {
      return JSON.parse(localStorage.getItem(key) ?? "null") as Stored<T> | null;
    } catch {
      return null;
    }
  };
  const write = (key: string, value: unknown): void => {
    try {
      localStorage.setItem(key, JSON.stringify({ savedAt: Date.now(), value }));
    } catch {
      // Storage full or refused: memory still plays.
    }
  };

  const getJson = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${path}?${query.toString()}`, { cache: "no-store", headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(`${response.status}`);
    return (await response.json()) as T;
  };

  function setOffline(offline: boolean): void {
    status.hidden = !offline;
    status.textContent = !offline ? "" : lastGood ? words.offline.replace("{time}", clock(lastGood, language)) : words.noConnection;
  }

  function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
    const node = document.createElement(tag);
    node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function slideNode(slide: Slide): HTMLElement {
    const article = element("article", `slide slide--${slide.kind}${slide.image ? " slide--with-image" : ""}`);
    const text = element("div", "slide__text");
    text.append(element("p", "slide__kind", words.kinds[slide.kind] ?? ""), element("h1", "slide__title", slide.title));
    if (slide.startsAt) text.append(element("p", "slide__when", when(slide.startsAt, language)));
    if (slide.location) text.append(element("p", "slide__where", slide.location));
    article.append(text);
    if (!slide.image && !slide.qr) return article;
    const aside = element("div", "slide__aside");
    if (slide.image) {
      const image = element("img", "slide__image");
      image.src = slide.image.url;
      image.alt = slide.image.alt;
      aside.append(image);
    }
    if (slide.qr) {
      // The server's SVG, parsed as SVG (never HTML): markup only, nothing that runs.
      const svg = new DOMParser().parseFromString(slide.qr, "image/svg+xml").documentElement;
      const figure = element("figure", "slide__qr");
      figure.append(document.importNode(svg, true), element("figcaption", "", words.more));
      aside.append(figure);
    }
    article.append(aside);
    return article;
  }

  function emptyNode(): HTMLElement {
    const article = element("article", "slide slide--empty");
    article.append(element("h1", "slide__title", words.nothing));
    return article;
  }

  function showSlide(): void {
    window.clearTimeout(slideTimer);
    slideTimer = undefined;
    if (alerts.length) return;
    const now = Date.now();
    const current = playable(slides, now);
    if (current.length === 0) {
      slidesBox.replaceChildren(emptyNode());
      slidesBox.dataset["position"] = "0";
      slideTimer = window.setTimeout(showSlide, 10_000 / speed);
      return;
    }
    index %= current.length;
    const slide = current[index]!;
    slidesBox.replaceChildren(slideNode(slide));
    slidesBox.dataset["position"] = String(index + 1);
    index = (index + 1) % current.length;
    slideTimer = window.setTimeout(showSlide, (slide.durationSeconds * 1000) / speed);
  }

  function preload(list: Slide[]): void {
    for (const slide of list) {
      if (slide.image && !preloaded.has(slide.image.url)) {
        const image = new Image();
        image.src = slide.image.url;
        preloaded.set(slide.image.url, image); // kept in memory: shown from here during an outage
      }
    }
  }

  async function refreshPlaylist(): Promise<void> {
    try {
      const playlist = await getJson<Playlist>("/signage/playlist.json");
      slides = playlist.slides;
      lastGood = Date.now();
      write(storageKey, playlist);
      setOffline(false);
    } catch {
      if (!lastGood) {
        const stored = read<Playlist>(storageKey);
        if (stored) {
          slides = stored.value.slides;
          lastGood = stored.savedAt;
        }
      }
      setOffline(true);
    }
    preload(slides);
  }

  function showAlerts(next: Alert[]): void {
    const same = next.length === alerts.length && next.every((alert, i) => alert.id === alerts[i]?.id && alert.headline === alerts[i]?.headline && alert.body === alerts[i]?.body);
    const wasShowing = alerts.length > 0;
    alerts = next;
    if (same && alertBox.hidden === !next.length) return;
    alertList.replaceChildren(
      ...next.map((alert) => {
        const article = element("article", "signage__alert-item");
        if (alert.language !== language) article.lang = alert.language;
        article.append(element("h2", "signage__alert-headline", alert.headline), element("p", "signage__alert-body", alert.body));
        return article;
      }),
    );
    alertBox.hidden = next.length === 0;
    slidesBox.hidden = next.length > 0;
    if (next.length) {
      window.clearTimeout(slideTimer);
      slideTimer = undefined;
    } else if (wasShowing || slideTimer === undefined) {
      showSlide(); // the cycle resumes
    }
  }

  async function pollAlerts(): Promise<void> {
    try {
      const answer = await getJson<{ alerts: Alert[] }>("/signage/alerts.json");
      write(`${storageKey}:alerts`, answer.alerts);
      showAlerts(answer.alerts);
    } catch {
      // Keep what the screen shows: an outage never ends an alert.
      if (!alertBox.hidden || alerts.length) return;
      const stored = read<Alert[]>(`${storageKey}:alerts`);
      if (stored?.value.length) showAlerts(stored.value);
    }
  }

  // The server drew slide `index` and any alert: take over from there.
  alerts = alertBox.hidden ? [] : [{ id: -1, headline: "", body: "", language }];
  void (async () => {
    await refreshPlaylist();
    await pollAlerts();
    // Replace the server's slide with the same one, so its duration counts from now.
    if (!alerts.length && slideTimer === undefined) showSlide();
    window.setInterval(() => void refreshPlaylist(), PLAYLIST_POLL_MS / speed);
    window.setInterval(() => void pollAlerts(), ALERT_POLL_MS);
  })();
}

const root = document.querySelector<HTMLElement>("[data-signage]");
if (root && root.dataset["notFound"] === undefined) start(root); // a mistyped wijk: the message stays
