/**
 * The signage pictures, passed through from the backend's /media/ like every picture of the
 * site (lib/proxy.ts), but remembered: when the API is briefly unreachable, a screen that
 * reloads still gets the pictures of its last playlist from this server's memory. Bounded
 * (MAX_BYTES in all, MAX_ITEM_BYTES each), oldest dropped first; pictures only.
 */
import { API_URL } from "./api/server";

export const MAX_BYTES = 48 * 1024 * 1024;
export const MAX_ITEM_BYTES = 4 * 1024 * 1024;

interface Kept {
  body: ArrayBuffer;
  type: string;
}

const kept = new Map<string, Kept>();
let keptBytes = 0;

function remember(key: string, item: Kept): void {
  const old = kept.get(key);
  if (old) {
    keptBytes -= old.body.byteLength;
    kept.delete(key);
  }
  if (item.body.byteLength > MAX_ITEM_BYTES) return;
  kept.set(key, item);
  keptBytes += item.body.byteLength;
  for (const [oldest, value] of kept) {
    if (keptBytes <= MAX_BYTES) break;
    kept.delete(oldest);
    keptBytes -= value.body.byteLength;
  }
}

function answer(item: Kept, cacheControl: string): Response {
  return new Response(item.body, { headers: { "content-type": item.type, "cache-control": cacheControl } });
}

/** `/signage/media/images/x.jpg` answers the backend's `/media/images/x.jpg`, or the remembered copy. */
export async function signageMedia(path: string, search: string): Promise<Response> {
  const key = `${path}${search}`;
  try {
    const upstream = await fetch(`${API_URL}/media/${key}`, { signal: AbortSignal.timeout(10_000) });
    const type = upstream.headers.get("content-type") ?? "";
    if (upstream.ok && type.startsWith("image/")) {
      const item = { body: await upstream.arrayBuffer(), type };
      remember(key, item);
      return answer(item, "public, max-age=300");
    }
    if (upstream.status === 404) {
      kept.delete(key);
      return new Response(null, { status: 404 });
    }
    throw new Error(`${upstream.status} ${type}`);
  } catch (error) {
    const item = kept.get(key);
    if (item) return answer(item, "no-store");
    console.error("signage: picture unavailable:", error instanceof Error ? error.message : error);
    return new Response(null, { status: 502 });
  }
}
