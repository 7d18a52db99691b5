// @ts-check
/**
 * The production server of the citizen site: `node server/main.mjs` (after `npm run build`).
 * Astro renders (its Node adapter in middleware mode, dist/server/entry.mjs); site.mjs adds
 * the security headers, the Host allow-list, compression and the static files around it.
 *
 * Environment: HOST (default localhost), PORT (3000), VRIJHAVEN_ALLOWED_HOSTS (see
 * hosts.mjs), VRIJHAVEN_SITE_URL, VRIJHAVEN_HSTS_SECONDS; the rest is read by the pages
 * (src/lib/api/server.ts). SIGTERM and SIGINT stop taking connections and let the requests
 * in flight finish (what `docker stop` sends).
 */
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { hstsSeconds } from "./headers.mjs";
import { allowedHostPatterns } from "./hosts.mjs";
import { createSiteHandler } from "./site.mjs";

// Built by `npm run build`; imported by URL so type-checking does not need a build first.
const { handler } = await import(new URL("../dist/server/entry.mjs", import.meta.url).href);

const host = process.env["HOST"] || "localhost";
const port = Number.parseInt(process.env["PORT"] ?? "", 10) || 3000;
const allowedHosts = allowedHostPatterns(process.env["VRIJHAVEN_ALLOWED_HOSTS"], process.env["VRIJHAVEN_SITE_URL"]);

const server = createServer(
  createSiteHandler({
    render: handler,
    clientDir: fileURLToPath(new URL("../dist/client/", import.meta.url)),
    allowedHosts,
    hstsSeconds: hstsSeconds(process.env["VRIJHAVEN_HSTS_SECONDS"]),
  }),
);
server.keepAliveTimeout = 65_000; // longer than a proxy's idle timeout, so it never reuses a closed socket

server.listen(port, host, () => {
  const display = host.includes(":") ? `[${host}]` : host;
  console.log(`Citizen site listening on http://${display}:${port} (hosts allowed: ${allowedHosts.join(", ")})`);
});

for (const signal of /** @type {const} */ (["SIGTERM", "SIGINT"])) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
