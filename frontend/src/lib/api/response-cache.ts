/**
 * The server's memory of API answers: a size-bounded LRU keyed by request URL.
 *
 * Why: most page views ask the API the same questions (a theme page, the home's latest
 * news) and the answers rarely change. An answer is reused without asking the API while
 * the API's own `Cache-Control: max-age` says it is fresh; after that it is revalidated
 * with `If-None-Match`, and a 304 costs the backend a fingerprint, not a page render. The
 * publish webhook (`/api/revalidate`) drops what a change affects, so an edit shows at
 * once instead of after max-age. Answers marked `private` or `no-store` (preview drafts,
 * a citizen's preferences) are never kept: this memory is shared by every reader.
 */

export interface CachedAnswer {
  /** The raw JSON body, as the API sent it. */
  body: string;
  etag: string | null;
  /** Epoch milliseconds until which the answer may be used without asking. */
  freshUntil: number;
  /** The page's translation key (content answers' `UID`), to drop every language at once. */
  uid: string | null;
}

export interface CacheStats {
  /** Answered from memory without contacting the API. */
  fresh: number;
  /** Asked the API with If-None-Match and got 304: the stored body was used. */
  revalidated: number;
  /** Fetched in full (not stored, stale and changed, or dropped). */
  fetched: number;
  dropped: number;
}

export interface CachePolicy {
  cacheable: boolean;
  maxAgeSeconds: number;
}

/** What a Cache-Control header allows a shared cache to do with the answer. */
export function cachePolicy(header: string | null): CachePolicy {
  if (!header) return { cacheable: false, maxAgeSeconds: 0 };
  const directives = new Map<string, string>();
  for (const part of header.split(",")) {
    const [name = "", value = ""] = part.trim().split("=", 2);
    directives.set(name.toLowerCase(), value.replace(/^"|"$/g, ""));
  }
  if (directives.has("private") || directives.has("no-store")) return { cacheable: false, maxAgeSeconds: 0 };
  const maxAge = Number.parseInt(directives.get("s-maxage") ?? directives.get("max-age") ?? "0", 10);
  const maxAgeSeconds = Number.isFinite(maxAge) && maxAge > 0 ? maxAge : 0;
  // no-cache or max-age=0 with an ETag: still worth keeping, to revalidate every time.
  return { cacheable: true, maxAgeSeconds: directives.has("no-cache") ? 0 : maxAgeSeconds };
}

export class ResponseCache {
  private readonly entries = new Map<string, CachedAnswer>();
  private bytes = 0;
  readonly stats: CacheStats = { fresh: 0, revalidated: 0, fetched: 0, dropped: 0 };

  constructor(
    readonly maxEntries = 1000,
    readonly maxBytes = 64 * 1024 * 1024,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get totalBytes(): number {
    return this.bytes;
  }

  /** The stored answer (fresh or not), marked as most recently used. */
  get(key: string): CachedAnswer | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  /** The stored answer without touching its place in the LRU order. */
  peek(key: string): CachedAnswer | undefined {
    return this.entries.get(key);
  }

  set(key: string, entry: CachedAnswer): void {
    const size = entry.body.length;
    if (size > this.maxBytes) return;
    this.delete(key);
    this.entries.set(key, entry);
    this.bytes += size;
    // Map iteration order is insertion order: the first key is the least recently used.
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.delete(oldest);
    }
  }

  delete(key: string): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    this.bytes -= entry.body.length;
    return true;
  }

  /** Drop every entry the predicate picks; returns how many went. */
  dropWhere(pick: (key: string, entry: CachedAnswer) => boolean): number {
    let count = 0;
    for (const [key, entry] of [...this.entries]) {
      if (pick(key, entry) && this.delete(key)) count += 1;
    }
    this.stats.dropped += count;
    return count;
  }
}
