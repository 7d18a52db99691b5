/**
 * Passing media, document downloads and feeds through from the backend, so pages link to
 * this site only (the backend may sit on a private network, as in docker/compose.yaml).
 * Only GET/HEAD routes call this (src/pages/media, documents, feeds); caching headers are kept.
 * The bytes are asked uncompressed (the backend is next door) and pass through unchanged;
 * server/site.mjs compresses for the reader what is worth compressing (feeds, SVG).
 */
import { API_URL } from "./api/server";

const KEPT_HEADERS = ["content-type", "content-length", "content-disposition", "cache-control", "etag", "last-modified"];

/** `upstreamPrefix`: what the backend puts before the same path ("/api" for feeds). */
export async function passThrough(request: Request, url: URL, upstreamPrefix = ""): Promise<Response> {
  const headers = new Headers({ "accept-encoding": "identity" });
  for (const name of ["if-none-match", "if-modified-since", "range"]) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }
  const upstream = await fetch(`${API_URL}${upstreamPrefix}${url.pathname}${url.search}`, { method: request.method, headers, redirect: "follow" });
  const kept = new Headers();
  // Compressed anyway (a proxy on the way): fetch has decoded the body, so its length changed.
  const decoded = upstream.headers.has("content-encoding");
  for (const name of KEPT_HEADERS) {
    const value = upstream.headers.get(name);
    if (value && !(decoded && name === "content-length")) kept.set(name, value);
  }
  return new Response(request.method === "HEAD" ? null : upstream.body, { status: upstream.status, headers: kept });
}
