// @ts-check
/**
 * The Host allow-list of the citizen site. A request is answered only when its `Host`
 * names this site: a page rendered for a forged Host could carry that host into absolute
 * links, caches and the forms' same-origin check (src/lib/same-origin.ts trusts `Host`),
 * which is how host-header poisoning works. Unknown hosts get a plain 400, before any
 * rendering, like Django's ALLOWED_HOSTS on the backend.
 *
 * Patterns (env VRIJHAVEN_ALLOWED_HOSTS, comma-separated, as in Django): `stad.gent` is that
 * host exactly; `.stad.gent` is that host and every subdomain; `*` is any host (only for a
 * server behind a proxy that checks Host itself). Ports are ignored. The host of
 * VRIJHAVEN_SITE_URL is always allowed. Astro has no such check (its `allowedDomains`
 * only decides which X-Forwarded-Host to believe), nor does any well-kept Node library.
 */

/** Loopback only: `make demo`, the tests and a developer's machine. */
export const DEFAULT_ALLOWED_HOSTS = "localhost,127.0.0.1,[::1]";

/**
 * @param {string | undefined} setting VRIJHAVEN_ALLOWED_HOSTS (unset or blank: the loopback default)
 * @param {string | undefined} siteUrl VRIJHAVEN_SITE_URL, whose host is added
 * @returns {string[]} lower-case patterns
 */
export function allowedHostPatterns(setting, siteUrl) {
  const raw = setting && setting.trim() ? setting : DEFAULT_ALLOWED_HOSTS;
  const patterns = raw.split(",").map((item) => item.trim().toLowerCase()).filter(Boolean);
  if (siteUrl) {
    try {
      patterns.push(new URL(siteUrl).hostname.toLowerCase());
    } catch {
      // A malformed VRIJHAVEN_SITE_URL adds nothing (same-origin.ts ignores it too).
    }
  }
  return [...new Set(patterns)];
}

/**
 * The host name of a `Host` header without its port, lower-case; null when it is not a
 * syntactically valid host (empty, a userinfo or path smuggled in, a bad port).
 * @param {string | undefined} header
 * @returns {string | null}
 */
export function hostName(header) {
  if (!header) return null;
  // Django's host syntax (django.http.request.host_validation_re); a trailing dot is the same host.
  const match = /^([a-z0-9.-]+|\[[a-f0-9]*:[a-f0-9.:]+\])(?::(\d{1,5}))?$/.exec(header.trim().toLowerCase());
  if (!match || !match[1]) return null;
  if (match[2] !== undefined && Number(match[2]) > 65535) return null;
  return match[1].endsWith(".") ? match[1].slice(0, -1) : match[1];
}

/**
 * @param {string | undefined} header the request's Host header
 * @param {string[]} patterns from allowedHostPatterns
 */
export function isAllowedHost(header, patterns) {
  const host = hostName(header);
  if (host === null) return false;
  return patterns.some((pattern) => {
    if (pattern === "*") return true;
    if (pattern.startsWith(".")) return host === pattern.slice(1) || host.endsWith(pattern);
    return host === pattern;
  });
}

/**
 * Connect-style middleware: 400 with a short plain-text answer for an unknown Host.
 * @param {string[]} patterns
 * @returns {(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse, next: () => void) => void}
 */
export function hostGuard(patterns) {
  return (req, res, next) => {
    if (isAllowedHost(req.headers.host, patterns)) return next();
    const body = "Onbekende host: deze site wordt niet onder dit adres aangeboden.\nUnknown host.\n";
    res.writeHead(400, {
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Length": Buffer.byteLength(body),
      "Cache-Control": "no-store",
      Connection: "close",
    });
    res.end(body);
  };
}
