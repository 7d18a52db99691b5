import { describe, expect, it } from "vitest";
import { CLIENT_KEY_HEADER, createApiClient, type Fetch } from "../src/lib/api/client";
import { cachePolicy, ResponseCache } from "../src/lib/api/response-cache";

/** A backend that answers one JSON body with an ETag and 304s, counting full and 304 answers. */
function backend(options: { cacheControl?: string; body?: () => unknown } = {}) {
  const calls: { url: string; headers: Record<string, string> }[] = [];
  let body = options.body ?? (() => ({ UID: "uid-1", title: "Afval" }));
  const fetch: Fetch = async (url, init) => {
    const headers = (init?.headers ?? {}) as Record<string, string>;
    calls.push({ url, headers });
    const text = JSON.stringify(body());
    const etag = `"${text.length}-${text.charCodeAt(text.length - 3)}"`;
    const cacheControl = options.cacheControl ?? "public, max-age=60, stale-while-revalidate=300";
    if (headers["If-None-Match"] === etag) return new Response(null, { status: 304, headers: { ETag: etag, "Cache-Control": cacheControl } });
    return new Response(text, { status: 200, headers: { "Content-Type": "application/json", ETag: etag, "Cache-Control": cacheControl } });
  };
  return { fetch, calls, change: (next: () => unknown) => { body = next; } };
}

describe("cachePolicy", () => {
  it("reads max-age and refuses private or no-store answers", () => {
    expect(cachePolicy("public, max-age=60, stale-while-revalidate=300")).toEqual({ cacheable: true, maxAgeSeconds: 60 });
    expect(cachePolicy("public, max-age=30")).toEqual({ cacheable: true, maxAgeSeconds: 30 });
    expect(cachePolicy("private, no-store").cacheable).toBe(false);
    expect(cachePolicy("max-age=60, private").cacheable).toBe(false);
    expect(cachePolicy(null).cacheable).toBe(false);
    expect(cachePolicy("no-cache")).toEqual({ cacheable: true, maxAgeSeconds: 0 });
  });
});

describe("ResponseCache", () => {
  const entry = (body: string) => ({ body, etag: null, freshUntil: 0, uid: null });

  it("forgets the least recently used entry when full", () => {
    const cache = new ResponseCache(2, 1000);
    cache.set("a", entry("1"));
    cache.set("b", entry("2"));
    cache.get("a"); // a is now more recent than b
    cache.set("c", entry("3"));
    expect(cache.peek("a")).toBeDefined();
    expect(cache.peek("b")).toBeUndefined();
    expect(cache.size).toBe(2);
  });

  it("stays within its byte budget", () => {
    const cache = new ResponseCache(100, 10);
    cache.set("a", entry("12345"));
    cache.set("b", entry("12345"));
    cache.set("c", entry("123"));
    expect(cache.totalBytes).toBeLessThanOrEqual(10);
    expect(cache.peek("a")).toBeUndefined();
    cache.set("huge", entry("x".repeat(11)));
    expect(cache.peek("huge")).toBeUndefined();
  });
});

describe("the client with a cache", () => {
  it("answers an unchanged page from memory while fresh, then revalidates with If-None-Match", async () => {
    let clock = 1_000_000;
    const { fetch, calls } = backend();
    const cache = new ResponseCache();
    const api = createApiClient({ baseUrl: "http://api.test", fetch, cache, now: () => clock });

    expect((await api.content("nl/themas/afval")).title).toBe("Afval");
    expect((await api.content("nl/themas/afval")).title).toBe("Afval");
    expect(calls).toHaveLength(1); // the second view never reached the backend
    expect(cache.stats.fresh).toBe(1);

    clock += 61_000; // past max-age: ask again, with the validator
    expect((await api.content("nl/themas/afval")).title).toBe("Afval");
    expect(calls).toHaveLength(2);
    expect(calls[1]?.headers["If-None-Match"]).toBeTruthy();
    expect(cache.stats.revalidated).toBe(1);
    // The 304 made it fresh again.
    await api.content("nl/themas/afval");
    expect(calls).toHaveLength(2);
  });

  it("fetches the new answer when the page changed", async () => {
    let clock = 0;
    const server = backend();
    const api = createApiClient({ baseUrl: "http://api.test", fetch: server.fetch, cache: new ResponseCache(), now: () => clock });
    await api.content("nl/themas/afval");
    server.change(() => ({ UID: "uid-1", title: "Afval en recyclage" }));
    clock += 61_000;
    expect((await api.content("nl/themas/afval")).title).toBe("Afval en recyclage");
  });

  it("remembers a content answer's translation key for the webhook", async () => {
    const cache = new ResponseCache();
    const api = createApiClient({ baseUrl: "http://api.test", fetch: backend().fetch, cache });
    await api.content("nl/themas/afval");
    expect(cache.peek("http://api.test/api/content/nl/themas/afval")?.uid).toBe("uid-1");
  });

  it("never keeps private answers (drafts, a citizen's preferences)", async () => {
    const { fetch, calls } = backend({ cacheControl: "private, no-store" });
    const cache = new ResponseCache();
    const api = createApiClient({ baseUrl: "http://api.test", fetch, cache });
    await api.get("/api/preview/?token=x");
    await api.get("/api/preview/?token=x");
    expect(calls).toHaveLength(2);
    expect(cache.size).toBe(0);
    await api.getPrivate("/api/content/nl");
    expect(cache.size).toBe(0);
  });

  it("sends the client key only when one is configured", async () => {
    const withKey = backend();
    await createApiClient({ baseUrl: "http://api.test", fetch: withKey.fetch, clientKey: "k-123" }).content("nl");
    expect(withKey.calls[0]?.headers[CLIENT_KEY_HEADER]).toBe("k-123");
    const without = backend();
    await createApiClient({ baseUrl: "http://api.test", fetch: without.fetch }).content("nl");
    expect(without.calls[0]?.headers).not.toHaveProperty(CLIENT_KEY_HEADER);
  });
});
