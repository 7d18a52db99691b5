/**
 * Cross-site request forgery guard for our form POSTs (subscribe, preferences): the links
 * carry a signed token, but a hostile page could still make a reader's browser post to
 * us. Browsers say where a POST comes from (`Origin`, and `Sec-Fetch-Site`); we accept
 * only our own origin, or the public address the site is served under (env
 * VRIJHAVEN_SITE_URL, for a proxy that rewrites Host).
 */
export function isSameOrigin(request: Request, siteUrl: URL, publicUrl: string | undefined = process.env["VRIJHAVEN_SITE_URL"]): boolean {
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return false;
  const origin = request.headers.get("origin");
  if (origin === null) {
    // Every current browser sends Origin on a POST; without it, only Sec-Fetch-Site can vouch.
    return fetchSite === "same-origin";
  }
  const allowed = new Set([siteUrl.origin]);
  if (publicUrl) {
    try {
      allowed.add(new URL(publicUrl).origin);
    } catch {
      // A malformed setting allows nothing extra.
    }
  }
  return allowed.has(origin);
}
