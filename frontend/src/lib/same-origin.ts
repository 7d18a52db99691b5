/**
 * Cross-site request forgery guard for our form POSTs (subscribe, preferences): the links
 * carry a signed token, but a hostile page could still make a reader's browser post to
 * us. Browsers say where a POST comes from (`Origin`, and `Sec-Fetch-Site`); we accept it
 * only from the host the request was sent to (its `Host` header), or from the public
 * address the site is served under (env VRIJHAVEN_SITE_URL, for a proxy that rewrites Host).
 *
 * Why not Astro's own `security.checkOrigin`: it compares with `Astro.url`, whose host
 * Astro only trusts when every public domain is listed at build time (allowedDomains);
 * without that every form POST was refused. One build runs on any domain here.
 */
export function isSameOrigin(request: Request, publicUrl: string | undefined = process.env["VRIJHAVEN_SITE_URL"]): boolean {
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return false;
  const origin = request.headers.get("origin");
  if (origin === null || origin === "null") {
    // Every current browser sends Origin on a POST; without it, only Sec-Fetch-Site can vouch.
    return fetchSite === "same-origin";
  }
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const allowed = new Set<string>();
  const host = request.headers.get("host");
  if (host) allowed.add(host.toLowerCase());
  if (publicUrl) {
    try {
      allowed.add(new URL(publicUrl).host);
    } catch {
      // A malformed setting allows nothing extra.
    }
  }
  return allowed.has(originHost.toLowerCase());
}
