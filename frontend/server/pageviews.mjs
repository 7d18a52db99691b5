// @ts-check
/**
 * Page views, counted by the server as it answers, without cookies or personal data.
 *
 * A view is a GET answered 200 with an HTML page, for a request that is not a bot (by its
 * User-Agent), not a prefetch (`Sec-Purpose`/`Purpose: prefetch`) and not under the API,
 * feeds, media, documents or signage. What is kept is only the page's path and, when the
 * visitor came from another site, that site's domain: never an IP address, a User-Agent, a
 * query string or a full referrer URL. No cookie, no script in the page, so nothing to
 * consent to, and visitors without JavaScript or with a blocker count too.
 *
 * Counts live in memory (`PageViewCounter`) and are sealed into batches every few seconds
 * (`createPageViewFlusher`): each batch has its own id and is POSTed, signed with HMAC-SHA256
 * (X-Signature: sha256=<hex>, the backend's PAGEVIEWS_SECRET), to /api/pageviews/, which
 * adds it to daily counters. A batch that did not get an answer is sent again with the same
 * id (the backend counts an id once); one the backend refused (4xx) is dropped and logged.
 * Why here and not in the browser: the server sees every page it renders, and keeping
 * the numbers to this process means nothing about a visitor ever leaves it.
 */
import { createHmac, randomUUID } from "node:crypto";
import { isIP } from "node:net";
import { isAllowedHost } from "./hosts.mjs";

/** @typedef {import("node:http").IncomingMessage} Req */
/** @typedef {import("node:http").ServerResponse} Res */
/** @typedef {{ batch: string, sealed_at: string, views: Record<string, number>, referrers: Record<string, number> }} Batch */

export const BOT_USER_AGENT =
  /bot\b|bot[/;)-]|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|monitor|uptime|pingdom|curl\/|wget\/|python-|httpclient|okhttp|go-http|java\/|libwww|headless|lighthouse|pagespeed|phantomjs|scrapy/i;
const NOT_PAGES = ["/api/", "/feeds/", "/media/", "/documents/", "/signage/", "/_astro/", "/preview"];
export const MAX_PATH = 400;
export const BATCH_ENTRIES = 500; // the backend's limit per batch (cms/pageviews/batch_schema.py)
export const MAX_PATHS = 10_000; // distinct paths kept between flushes: a flood of made-up paths cannot grow memory
export const MAX_PENDING = 100; // unacknowledged batches kept while the backend is away

/**
 * @param {Req} req
 * @param {Res} res
 * @returns {boolean}
 */
export function isCountable(req, res) {
  if (req.method !== "GET" || res.statusCode !== 200) return false;
  const type = String(res.getHeader("content-type") ?? "");
  if (!type.startsWith("text/html")) return false;
  const agent = req.headers["user-agent"] ?? "";
  if (!agent || BOT_USER_AGENT.test(agent)) return false;
  const purpose = String(req.headers["sec-purpose"] ?? req.headers["purpose"] ?? req.headers["x-moz"] ?? "");
  if (/prefetch|prerender/i.test(purpose)) return false;
  const path = pathOf(req.url);
  return path !== null && !NOT_PAGES.some((prefix) => path.startsWith(prefix));
}

/**
 * The path alone, no query string or fragment; null when it is too long to be a page.
 * @param {string | undefined} url
 * @returns {string | null}
 */
export function pathOf(url) {
  const path = (url ?? "/").split(/[?#]/, 1)[0] || "/";
  return path.length <= MAX_PATH && path.startsWith("/") ? path : null;
}

/**
 * The domain a visitor came from, or null: no Referer, not a web address, an IP address,
 * or this site itself (its own hosts: moving between its pages is not a referral).
 * @param {string | undefined} referer
 * @param {string[]} ownHosts host patterns of this site (hosts.mjs)
 * @returns {string | null}
 */
export function referrerDomain(referer, ownHosts) {
  if (!referer) return null;
  let url;
  try {
    url = new URL(referer);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  let host = url.hostname.toLowerCase().replace(/\.$/, "");
  if (!host || isIP(host.replace(/^\[|\]$/g, "")) !== 0 || !host.includes(".")) return null;
  const own = ownHosts.filter((pattern) => pattern !== "*");
  if (isAllowedHost(host, own)) return null;
  if (host.startsWith("www.")) host = host.slice(4);
  return host;
}

export class PageViewCounter {
  /** @param {{ maxPaths?: number }} [options] */
  constructor({ maxPaths = MAX_PATHS } = {}) {
    this.maxPaths = maxPaths;
    /** @type {Map<string, number>} */
    this.views = new Map();
    /** @type {Map<string, number>} */
    this.referrers = new Map();
    this.dropped = 0;
  }

  /**
   * @param {string} path
   * @param {string | null} [domain]
   */
  count(path, domain = null) {
    if (!this.views.has(path) && this.views.size >= this.maxPaths) {
      this.dropped += 1;
      return;
    }
    this.views.set(path, (this.views.get(path) ?? 0) + 1);
    if (domain && (this.referrers.has(domain) || this.referrers.size < this.maxPaths)) {
      this.referrers.set(domain, (this.referrers.get(domain) ?? 0) + 1);
    }
  }

  get size() {
    return this.views.size;
  }

  /**
   * Everything counted so far as batches of at most BATCH_ENTRIES paths, and start afresh.
   * @param {Date} now
   * @returns {Batch[]}
   */
  seal(now) {
    const views = [...this.views];
    const referrers = [...this.referrers];
    this.views = new Map();
    this.referrers = new Map();
    /** @type {Batch[]} */
    const batches = [];
    const chunks = Math.max(Math.ceil(views.length / BATCH_ENTRIES), Math.ceil(referrers.length / BATCH_ENTRIES));
    for (let index = 0; index < chunks; index += 1) {
      const slice = (/** @type {[string, number][]} */ entries) =>
        Object.fromEntries(entries.slice(index * BATCH_ENTRIES, (index + 1) * BATCH_ENTRIES));
      batches.push({ batch: randomUUID(), sealed_at: now.toISOString(), views: slice(views), referrers: slice(referrers) });
    }
    return batches;
  }
}

/**
 * @param {string} body
 * @param {string} secret
 */
export function signatureOf(body, secret) {
  return "sha256=" + createHmac("sha256", secret).update(body).digest("hex");
}

/**
 * @param {object} options
 * @param {PageViewCounter} options.counter
 * @param {string} options.endpoint the backend's /api/pageviews/ URL
 * @param {string} options.secret PAGEVIEWS_SECRET of the backend
 * @param {typeof fetch} [options.fetchImpl]
 * @param {() => Date} [options.now]
 * @param {(message: string) => void} [options.log]
 */
export function createPageViewFlusher({ counter, endpoint, secret, fetchImpl = fetch, now = () => new Date(), log = console.warn }) {
  /** @type {Batch[]} */
  const pending = [];
  /** @type {ReturnType<typeof setInterval> | undefined} */
  let timer;
  /** @type {Promise<void> | null} */
  let running = null;

  async function send() {
    pending.push(...counter.seal(now()));
    if (pending.length > MAX_PENDING) {
      const lost = pending.splice(0, pending.length - MAX_PENDING);
      log(`page views: backend unreachable, ${lost.length} oldest batches dropped`);
    }
    while (pending.length > 0) {
      const batch = /** @type {Batch} */ (pending[0]);
      const body = JSON.stringify(batch);
      let status;
      try {
        const response = await fetchImpl(endpoint, {
          method: "POST",
          headers: { "Content-Type": "application/json", "X-Signature": signatureOf(body, secret) },
          body,
          signal: AbortSignal.timeout(10_000),
        });
        status = response.status;
      } catch (error) {
        log(`page views: sending a batch failed, kept to send again: ${error}`);
        return;
      }
      if (status >= 500 || status === 429) {
        log(`page views: backend answered ${status}, batch kept to send again`);
        return;
      }
      pending.shift();
      if (status !== 200) log(`page views: backend refused a batch (${status}); dropped`);
    }
  }

  /** Seal what was counted and send it with whatever is still waiting; one flush at a time. */
  function flush() {
    if (!running) running = send().finally(() => (running = null));
    return running;
  }

  return {
    flush,
    get pending() {
      return pending.length;
    },
    /** @param {number} intervalMs */
    start(intervalMs) {
      timer = setInterval(() => void flush(), intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await running;
      await flush();
    },
  };
}

/**
 * The request step that counts (site.mjs): looks at the answer once it is finished.
 * @param {PageViewCounter} counter
 * @param {string[]} ownHosts
 * @returns {(req: Req, res: Res, next: (error?: unknown) => void) => void}
 */
export function countPageViews(counter, ownHosts) {
  return (req, res, next) => {
    res.once("finish", () => {
      if (!isCountable(req, res)) return;
      const path = pathOf(req.url);
      if (path) counter.count(path, referrerDomain(req.headers.referer, ownHosts));
    });
    next();
  };
}
