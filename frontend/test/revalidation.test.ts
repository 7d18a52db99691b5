import { describe, expect, it } from "vitest";
import { ResponseCache } from "../src/lib/api/response-cache";
import { dropAffected, receiveWebhook, SeenEvents, sign, verifySignature } from "../src/lib/revalidation";

const SECRET = "geheim-123";
const BODY = '{"event_id":"e1","event":"page.published","path":"/nl/themas/afval/"}';
// Computed by the backend's own cms.api.webhooks.signing.signature(SECRET, BODY).
const BACKEND_SIGNATURE = "sha256=f1e68123f0e20d1cf6d29e30432857af578a7f8082b277fe47382f52382e165e";

const entry = (uid: string | null = null) => ({ body: "{}", etag: '"x"', freshUntil: Number.MAX_SAFE_INTEGER, uid });
const A = "http://api.test/api";

function filledCache() {
  const cache = new ResponseCache();
  cache.set(`${A}/content/nl/themas/afval?expand=breadcrumbs%2Ctranslations&b_size=100`, entry("uid-afval"));
  cache.set(`${A}/content/fr/themas/afval?expand=breadcrumbs%2Ctranslations&b_size=100`, entry("uid-afval"));
  cache.set(`${A}/content/nl/themas/afval/grofvuil?expand=breadcrumbs`, entry("uid-child"));
  cache.set(`${A}/content/nl/themas?expand=breadcrumbs`, entry("uid-themas"));
  cache.set(`${A}/content/nl/themas-extra?expand=breadcrumbs`, entry("uid-other"));
  cache.set(`${A}/content/nl/wijken/ledeberg?expand=breadcrumbs`, entry("uid-ledeberg"));
  cache.set(`${A}/v2/pages/?type=pressroom.PressReleasePage&locale=nl`, entry());
  cache.set(`${A}/search/?q=afval`, entry());
  cache.set(`${A}/automation/subscriptions/options/?lang=nl`, entry());
  return cache;
}

function webhook(body: string, signature: string | null, eventId = "e1") {
  const headers: Record<string, string> = { "Content-Type": "application/json", "X-Vrijhaven-Event-Id": eventId };
  if (signature) headers["X-Vrijhaven-Signature"] = signature;
  return new Request("http://front.test/api/revalidate", { method: "POST", body, headers });
}

describe("signatures", () => {
  it("match the backend's HMAC of the raw body", () => {
    expect(sign(SECRET, BODY)).toBe(BACKEND_SIGNATURE);
    expect(verifySignature(SECRET, BODY, BACKEND_SIGNATURE)).toBe(true);
  });

  it("refuse another secret, a changed body or a missing header", () => {
    expect(verifySignature("other", BODY, BACKEND_SIGNATURE)).toBe(false);
    expect(verifySignature(SECRET, BODY.replace("afval", "water"), BACKEND_SIGNATURE)).toBe(false);
    expect(verifySignature(SECRET, BODY, null)).toBe(false);
    expect(verifySignature("", BODY, BACKEND_SIGNATURE)).toBe(false);
    expect(verifySignature(SECRET, BODY, "sha256=short")).toBe(false);
  });
});

describe("dropAffected", () => {
  it("drops the page in every language, its subtree, its parent and every listing, and nothing else", () => {
    const cache = filledCache();
    const dropped = dropAffected(cache, { uid: "uid-afval", path: "/nl/themas/afval/" });
    expect(dropped).toBe(6);
    for (const key of [
      `${A}/content/nl/themas-extra?expand=breadcrumbs`,
      `${A}/content/nl/wijken/ledeberg?expand=breadcrumbs`,
      `${A}/automation/subscriptions/options/?lang=nl`,
    ]) expect(cache.peek(key), key).toBeDefined();
    expect(cache.size).toBe(3);
  });

  it("drops the old subtree of a moved page", () => {
    const cache = filledCache();
    dropAffected(cache, { uid: "uid-ledeberg", path: "/nl/buurten/ledeberg/", old_path: "/nl/wijken/ledeberg/" });
    expect(cache.peek(`${A}/content/nl/wijken/ledeberg?expand=breadcrumbs`)).toBeUndefined();
  });
});

describe("receiveWebhook", () => {
  it("drops the affected answers once per event id", async () => {
    const cache = filledCache();
    const context = { secret: SECRET, cache, seen: new SeenEvents() };
    const first = await receiveWebhook(webhook(BODY, BACKEND_SIGNATURE), context);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ status: "revalidated", dropped: 5 });
    cache.set(`${A}/v2/pages/?type=x`, entry());
    const retry = await receiveWebhook(webhook(BODY, BACKEND_SIGNATURE), context);
    expect(await retry.json()).toEqual({ status: "duplicate", dropped: 0 });
    expect(cache.peek(`${A}/v2/pages/?type=x`)).toBeDefined();
  });

  it("refuses a forged or unsigned call and changes nothing", async () => {
    const cache = filledCache();
    const context = { secret: SECRET, cache, seen: new SeenEvents() };
    expect((await receiveWebhook(webhook(BODY, sign("guess", BODY)), context)).status).toBe(401);
    expect((await receiveWebhook(webhook(BODY, null), context)).status).toBe(401);
    expect(cache.size).toBe(9);
  });

  it("refuses everything when no secret is configured", async () => {
    const context = { secret: "", cache: filledCache(), seen: new SeenEvents() };
    expect((await receiveWebhook(webhook(BODY, BACKEND_SIGNATURE), context)).status).toBe(503);
  });
});
