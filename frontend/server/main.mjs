// @ts-check
/**
 * The production server of the citizen site: `node server/main.mjs` (after `npm run build`).
 * Astro renders (its Node adapter in middleware mode, dist/server/entry.mjs); site.mjs adds
 * the security headers, the Host allow-list, compression and the static files around it.
 *
 * Environment: HOST (default localhost), PORT (3000), VRIJHAVEN_ALLOWED_HOSTS (see
 * hosts.mjs), VRIJHAVEN_SITE_URL, VRIJHAVEN_HSTS_SECONDS; page views (pageviews.mjs):
 * VRIJHAVEN_PAGEVIEWS_SECRET (the backend's PAGEVIEWS_SECRET; unset: the demo's, empty:
 * nothing counted), VRIJHAVEN_PAGEVIEWS_URL (default VRIJHAVEN_API_URL + /api/pageviews/),
 * VRIJHAVEN_PAGEVIEWS_FLUSH_SECONDS (5); the rest is read by the pages
 * (src/lib/api/server.ts). SIGTERM and SIGINT stop taking connections, let the requests
 * in flight finish and send the last page views (what `docker stop` sends).
 */
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { hstsSeconds } from "./headers.mjs";
import { allowedHostPatterns } from "./hosts.mjs";
import { countPageViews, createPageViewFlusher, PageViewCounter } from "./pageviews.mjs";
import { createSiteHandler } from "./site.mjs";

// Built by `npm run build`; imported by URL so type-checking does not need a build first.
const { handler } = await import(new URL("../dist/server/entry.mjs", import.meta.url).href);

const host = process.env["HOST"] || "localhost";
const port = Number.parseInt(process.env["PORT"] ?? "", 10) || 3000;
const allowedHosts = allowedHostPatterns(process.env["VRIJHAVEN_ALLOWED_HOSTS"], process.env["VRIJHAVEN_SITE_URL"]);

const pageViewsSecret = process.env["VRIJHAVEN_PAGEVIEWS_SECRET"] ?? "insecure-demo-pageviews-secret";
const apiUrl = (process.env["VRIJHAVEN_API_URL"] ?? "http://localhost:8000").replace(/\/+$/, "");
const counter = new PageViewCounter();
const flusher = pageViewsSecret
  ? createPageViewFlusher({
      counter,
      endpoint: process.env["VRIJHAVEN_PAGEVIEWS_URL"] || `${apiUrl}/api/pageviews/`,
      secret: pageViewsSecret,
    })
  : null;
flusher?.start(1000 * (Number.parseFloat(process.env["VRIJHAVEN_PAGEVIEWS_FLUSH_SECONDS"] ?? "") || 5));

const server = createServer(
  createSiteHandler({
    render: handler,
    clientDir: fileURLToPath(new URL("../dist/client/", import.meta.url)),
    allowedHosts,
    hstsSeconds: hstsSeconds(process.env["VRIJHAVEN_HSTS_SECONDS"]),
    countViews: flusher ? countPageViews(counter, allowedHosts) : undefined,
  }),
);
server.keepAliveTimeout = 65_000; // longer than a proxy's idle timeout, so it never reuses a closed socket

server.listen(port, host, () => {
  const display = host.includes(":") ? `[${host}]` : host;
  console.log(`Citizen site listening on http://${display}:${port} (hosts allowed: ${allowedHosts.join(", ")})`);
});

for (const signal of /** @type {const} */ (["SIGTERM", "SIGINT"])) {
  process.once(signal, () => {
    server.close(() => void (flusher ? flusher.stop() : Promise.resolve()).finally(() => process.exit(0)));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
