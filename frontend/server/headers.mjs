// @ts-check
/**
 * The security headers of every answer of the citizen site, set by helmet (the well-kept
 * library for exactly this) before anything else runs, so even a 400 for an unknown Host
 * or a static file carries them:
 *
 * - framing refused twice: CSP `frame-ancestors 'none'` and, for older browsers,
 *   `X-Frame-Options: DENY` (clickjacking);
 * - `X-Content-Type-Options: nosniff`: media and documents passed through from editors'
 *   uploads are never run as script or style because of their bytes;
 * - `Referrer-Policy: strict-origin-when-cross-origin`: other sites see at most our origin,
 *   never a page's path and query (a search for a personal matter stays here). Token pages
 *   (preferences, confirmation) send the stricter `no-referrer` themselves and win, as
 *   does every header an answer sets itself;
 * - a fallback Content-Security-Policy that allows nothing (`default-src 'none'`): JSON,
 *   feeds, media, documents and error answers. Pages replace it with Astro's policy (see
 *   astro.config.mjs), which allows their own hashed inline styles and script;
 * - `Cross-Origin-Resource-Policy: same-site`: the city's own sites may embed our images,
 *   other sites may not; `Cross-Origin-Opener-Policy: same-origin`; no DNS prefetching.
 *
 * HSTS only when VRIJHAVEN_HSTS_SECONDS is set (> 0): the demo and tests run on plain HTTP,
 * and a city decides itself when every subdomain speaks HTTPS.
 */
import helmet from "helmet";

/** The policy of every answer that is not a page. */
export const FALLBACK_CSP_DIRECTIVES = {
  "default-src": ["'none'"],
  "base-uri": ["'none'"],
  "form-action": ["'none'"],
  "frame-ancestors": ["'none'"],
};

/**
 * @param {{ hstsSeconds?: number }} [options]
 */
export function securityHeaders({ hstsSeconds = 0 } = {}) {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: FALLBACK_CSP_DIRECTIVES },
    crossOriginEmbedderPolicy: false,
    crossOriginOpenerPolicy: { policy: "same-origin" },
    crossOriginResourcePolicy: { policy: "same-site" },
    originAgentCluster: true,
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    strictTransportSecurity: hstsSeconds > 0 ? { maxAge: hstsSeconds, includeSubDomains: false } : false,
    xContentTypeOptions: true,
    xDnsPrefetchControl: { allow: false },
    xDownloadOptions: true,
    xFrameOptions: { action: "deny" },
    xPermittedCrossDomainPolicies: { permittedPolicies: "none" },
    xPoweredBy: true,
    xXssProtection: true,
  });
}

/**
 * VRIJHAVEN_HSTS_SECONDS as a whole number of seconds; anything else (unset, 0, junk) is 0: off.
 * @param {string | undefined} value
 */
export function hstsSeconds(value) {
  const seconds = Number.parseInt(value ?? "", 10);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : 0;
}
