// @ts-check
/**
 * The whole request path of the citizen site, in order:
 *
 * 1. security headers (headers.mjs), so every answer below carries them;
 * 2. the Host allow-list (hosts.mjs): an unknown Host is a 400, nothing rendered;
 * 3. a URL that does not decode is a 400 (what the Node adapter's standalone server did);
 *    then, when given, the page-view count (pageviews.mjs), which looks at each answer
 *    once it is finished: a 200 HTML page for a person, counted without personal data;
 * 4. compression (expressjs/compression): gzip or brotli as the client's Accept-Encoding
 *    prefers, for compressible types (HTML, JSON, feeds, CSS, SVG) of 1 KB and more, with
 *    `Vary: Accept-Encoding`; never for answers marked `no-transform`;
 * 5. the built client files (dist/client: favicon, hashed assets) by serve-static;
 * 6. Astro's handler (the Node adapter in middleware mode) for every page and endpoint.
 *
 * Plain connect-style steps on node:http, no framework: each step is a well-kept library
 * except the two small guards no library provides.
 */
import compression from "compression";
import serveStatic from "serve-static";
import { securityHeaders } from "./headers.mjs";
import { hostGuard } from "./hosts.mjs";

/** @typedef {import("node:http").IncomingMessage} Req */
/** @typedef {import("node:http").ServerResponse} Res */
/** @typedef {(req: Req, res: Res, next: (error?: unknown) => void) => void} Step */

/** Astro's hashed build assets never change under one name. */
const IMMUTABLE = "public, max-age=31536000, immutable";

/** @type {Step} */
function decodableUrl(req, res, next) {
  try {
    decodeURI(req.url ?? "/");
  } catch {
    res.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" });
    res.end("Ongeldig adres.\nBad request.\n");
    return;
  }
  next();
}

/**
 * @param {Res} res
 * @param {unknown} error
 */
function fail(res, error) {
  console.error("request failed:", error);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
  res.end("Er ging iets mis.\nInternal server error.\n");
}

/**
 * @param {object} options
 * @param {(req: Req, res: Res, next?: () => void) => unknown} options.render Astro's `handler` (dist/server/entry.mjs)
 * @param {string} options.clientDir the built client files (dist/client)
 * @param {string[]} options.allowedHosts patterns from hosts.mjs allowedHostPatterns
 * @param {number} [options.hstsSeconds] 0: no HSTS header
 * @param {Step} [options.countViews] the page-view step (pageviews.mjs countPageViews); none: nothing counted
 * @returns {(req: Req, res: Res) => void} a node:http request listener
 */
export function createSiteHandler({ render, clientDir, allowedHosts, hstsSeconds = 0, countViews }) {
  const files = serveStatic(clientDir, {
    index: false,
    redirect: false,
    fallthrough: true,
    setHeaders(res, path) {
      if (/[\\/]_astro[\\/]/.test(path)) res.setHeader("Cache-Control", IMMUTABLE);
    },
  });
  /** @type {Step} */
  const pages = (req, res, next) => {
    Promise.resolve(render(req, res, () => next())).catch((error) => fail(res, error));
  };
  /** @type {Step[]} */
  const steps = [
    securityHeaders({ hstsSeconds }),
    hostGuard(allowedHosts),
    decodableUrl,
    ...(countViews ? [countViews] : []),
    /** @type {Step} */ (compression()),
    /** @type {Step} */ (files),
    pages,
  ];
  return (req, res) => {
    let index = 0;
    /** @param {unknown} [error] */
    const next = (error) => {
      if (error) return fail(res, error);
      const step = steps[index++];
      if (!step) {
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
        res.end("Niet gevonden.\nNot found.\n");
        return;
      }
      try {
        step(req, res, next);
      } catch (caught) {
        fail(res, caught);
      }
    };
    next();
  };
}
