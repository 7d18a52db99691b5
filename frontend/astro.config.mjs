// Server-rendered on every request (output: "server") by the Node adapter in middleware
// mode: server/main.mjs wraps Astro's handler in the Host allow-list, the security headers
// and compression, and serves dist/client (`node server/main.mjs` is the whole production
// server). Pages ship no JavaScript unless a component opts in, which keeps reading pages
// inside the JS budget.
import { defineConfig } from "astro/config";
import node from "@astrojs/node";

export default defineConfig({
  output: "server",
  adapter: node({ mode: "middleware" }),
  server: { port: 3000 },
  trailingSlash: "ignore",
  // Our own stylesheet is small: inline it so a page needs one request. The CSP below
  // allows exactly these inline styles (and the search page's script) by their hashes.
  build: { inlineStylesheets: "always" },
  // Form POSTs are checked by src/lib/same-origin.ts against the Host header: Astro's own
  // check compares with a URL whose host it trusts only for domains listed at build time,
  // and one build must run on any domain (it refused every form otherwise). Unknown Hosts
  // never get this far: server/hosts.mjs answers them 400.
  security: { checkOrigin: false },
  experimental: {
    // Astro hashes every script and stylesheet it inlines and sends, on each page, a
    // Content-Security-Policy header that allows those and nothing else inline. The rest
    // of the policy: nothing from other origins, never framed, forms only to this site.
    // 'strict-dynamic' makes CSP3 browsers ignore the 'self' Astro adds to script-src, so
    // only the hashed scripts run. Non-page answers (JSON, feeds, media) get the fallback
    // policy of server/headers.mjs.
    csp: {
      algorithm: "SHA-256",
      directives: [
        "default-src 'none'",
        "img-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
      ],
      scriptDirective: { strictDynamic: true },
    },
  },
  // No telemetry or update checks from a city's servers.
  devToolbar: { enabled: false },
});
