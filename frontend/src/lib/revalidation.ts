/**
 * The backend's publish webhook, received: check that it is really from our backend, handle
 * each event once, and drop from the answer cache what the change affects.
 *
 * The backend signs the exact body (cms/api/webhooks/signing.py): `X-Vrijhaven-Signature:
 * sha256=<hex HMAC-SHA256 of the raw body>` with the secret shared with this server
 * (env VRIJHAVEN_WEBHOOK_SECRET), and retries with the same `X-Vrijhaven-Event-Id`.
 *
 * What a change affects: the page's own answer in every language (by its translation key),
 * the pages below it (their breadcrumbs carry its title), its parent (which lists its
 * children), for a move the whole old subtree, and every listing and search answer (the
 * home's latest news, the press room, filters, search results may all include it).
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { normalisePath } from "./api/client";
import type { ResponseCache } from "./api/response-cache";

export const SIGNATURE_HEADER = "x-vrijhaven-signature";
export const EVENT_ID_HEADER = "x-vrijhaven-event-id";

export interface WebhookEvent {
  event_id?: string;
  event?: string;
  uid?: string | null;
  locale?: string;
  path?: string | null;
  old_path?: string | null;
}

export function sign(secret: string, body: string | Uint8Array): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** Constant-time comparison of the signature header with our own HMAC of the raw body. */
export function verifySignature(secret: string, body: string | Uint8Array, header: string | null): boolean {
  if (!secret || !header) return false;
  const expected = Buffer.from(sign(secret, body));
  const given = Buffer.from(header.trim());
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Event ids already handled, the oldest forgotten first (retries come within hours). */
export class SeenEvents {
  private readonly ids = new Set<string>();
  constructor(private readonly capacity = 5000) {}

  /** True the first time an id is offered, false for a repeat. */
  first(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    for (const oldest of this.ids) {
      if (this.ids.size <= this.capacity) break;
      this.ids.delete(oldest);
    }
    return true;
  }
}

/** `http://api/api/content/nl/a/b?expand=x` -> `nl/a/b`; null for any other answer. */
function contentPathOfKey(key: string): string | null {
  const marker = "/api/content/";
  const at = key.indexOf(marker);
  if (at < 0) return null;
  const rest = key.slice(at + marker.length).split("?")[0] ?? "";
  return normalisePath(rest.split("/@")[0] ?? "");
}

function isListing(key: string): boolean {
  return key.includes("/api/v2/") || key.includes("/api/search/");
}

/** Drop what the event affects from the cache; returns how many answers went. */
export function dropAffected(cache: ResponseCache, event: WebhookEvent): number {
  const paths = [event.path, event.old_path].flatMap((path) => (path ? [normalisePath(path)] : []));
  const parents = paths.map((path) => path.split("/").slice(0, -1).join("/")).filter((path) => path !== "");
  return cache.dropWhere((key, entry) => {
    if (isListing(key)) return true;
    if (event.uid && entry.uid === event.uid) return true;
    const path = contentPathOfKey(key);
    if (path === null) return false;
    return paths.some((changed) => path === changed || path.startsWith(`${changed}/`)) || parents.includes(path);
  });
}

export interface WebhookContext {
  secret: string;
  cache: ResponseCache;
  seen: SeenEvents;
}

/** The whole receiving side: 503 without a secret, 401 for a bad signature, 400 for bad JSON. */
export async function receiveWebhook(request: Request, context: WebhookContext): Promise<Response> {
  if (!context.secret) return new Response("webhooks are not configured here\n", { status: 503 });
  const raw = new Uint8Array(await request.arrayBuffer());
  if (!verifySignature(context.secret, raw, request.headers.get(SIGNATURE_HEADER))) {
    return new Response("bad signature\n", { status: 401 });
  }
  let event: WebhookEvent;
  try {
    event = JSON.parse(new TextDecoder().decode(raw)) as WebhookEvent;
  } catch {
    return new Response("body is not JSON\n", { status: 400 });
  }
  const eventId = request.headers.get(EVENT_ID_HEADER) ?? event.event_id ?? "";
  if (eventId && !context.seen.first(eventId)) {
    return Response.json({ status: "duplicate", dropped: 0 });
  }
  return Response.json({ status: "revalidated", dropped: dropAffected(context.cache, event) });
}
