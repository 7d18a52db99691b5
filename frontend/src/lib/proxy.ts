/**
 * Passing media and document downloads through from the backend, so pages link to this
 * site only (the backend may sit on a private network, as in docker/compose.yaml).
 * Only GET/HEAD under /media/ and /documents/ are passed; caching headers are kept.
 */
import { API_URL } from "./api/server";

const KEPT_HEADERS = ["content-type", "content-length", "content-disposition", "cache-control", "etag", "last-modified"];

export async function passThrough(request: Request, url: URL): Promise<Response> {
  const headers = new Headers();
  for (const name of ["if-none-match", "if-modified-since", "range"]) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }
  const upstream = await fetch(`${API_URL}${url.pathname}${url.search}`, { method: request.method, headers, redirect: "follow" });
  const kept = new Headers();
  for (const name of KEPT_HEADERS) {
    const value = upstream.headers.get(name);
    if (value) kept.set(name, value);
  }
  return new Response(request.method === "HEAD" ? null : upstream.body, { status: upstream.status, headers: kept });
}
