// Server-rendered on every request (output: "server") by the Node adapter in standalone
// mode: `node dist/server/entry.mjs` is the whole production server, and pages ship no
// JavaScript unless a component opts in, which keeps reading pages inside the JS budget.
import { defineConfig } from "astro/config";
import node from "@astrojs/node";

export default defineConfig({
  output: "server",
  adapter: node({ mode: "standalone" }),
  server: { port: 3000 },
  trailingSlash: "ignore",
  // Our own stylesheet is small: inline it so a page needs one request.
  build: { inlineStylesheets: "always" },
  // Form POSTs are checked by src/lib/same-origin.ts against the Host header: Astro's own
  // check compares with a URL whose host it trusts only for domains listed at build time,
  // and one build must run on any domain (it refused every form otherwise).
  security: { checkOrigin: false },
  // No telemetry or update checks from a city's servers.
  devToolbar: { enabled: false },
});
