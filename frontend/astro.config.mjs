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
  // No telemetry or update checks from a city's servers.
  devToolbar: { enabled: false },
});
