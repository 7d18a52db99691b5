/**
 * Page views counted by the site's server (server/pageviews.mjs): what counts as a view, the
 * referrer reduced to a domain, batching, and signed flushes to a real local HTTP server
 * standing in for the backend's /api/pageviews/ (its answers chosen per test).
 */
import { createHmac } from "node:crypto";
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  BATCH_ENTRIES,
  countPageViews,
  createPageViewFlusher,
  isCountable,
  PageViewCounter,
  pathOf,
  referrerDomain,
} from "../server/pageviews.mjs";
import { createSiteHandler } from "../server/site.mjs";

const SECRET = "vitest-pageviews-secret";
const HUMAN = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((done) => server.close(done))));
});

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function fakeExchange(url: string, headers: Record<string, string>, status = 200, type = "text/html; charset=utf-8", method = "GET") {
  const req = { method, url, headers } as unknown as IncomingMessage;
  const res = { statusCode: status, getHeader: (name: string) => (name === "content-type" ? type : undefined) } as unknown as ServerResponse;
  return [req, res] as const;
}

describe("what counts as a view", () => {
  it("is a GET answered 200 with HTML for a person", () => {
    expect(isCountable(...fakeExchange("/nl/themas/afval?x=1", { "user-agent": HUMAN }))).toBe(true);
  });

  it("is not a bot, a prefetch, an error, a POST, JSON or an address that is no page", () => {
    const cases: [ReturnType<typeof fakeExchange>, string][] = [
      [fakeExchange("/nl/", { "user-agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)" }), "googlebot"],
      [fakeExchange("/nl/", { "user-agent": "curl/8.5.0" }), "curl"],
      [fakeExchange("/nl/", {}), "no user agent"],
      [fakeExchange("/nl/", { "user-agent": HUMAN, "sec-purpose": "prefetch;prerender" }), "prefetch"],
      [fakeExchange("/nl/", { "user-agent": HUMAN }, 404), "404"],
      [fakeExchange("/nl/", { "user-agent": HUMAN }, 200, "text/html", "POST"), "POST"],
      [fakeExchange("/feeds/nl.xml", { "user-agent": HUMAN }, 200, "application/rss+xml"), "feed"],
      [fakeExchange("/api/search/click/x", { "user-agent": HUMAN }), "api"],
      [fakeExchange("/x".repeat(300), { "user-agent": HUMAN }), "too long"],
    ];
    for (const [exchange, label] of cases) expect(isCountable(...exchange), label).toBe(false);
  });

  it("keeps the path without its query string", () => {
    expect(pathOf("/nl/zoeken?q=mijn+adres#top")).toBe("/nl/zoeken");
  });
});

describe("referrerDomain", () => {
  const own = ["localhost", "stad.gent", ".gent.be"];

  it("keeps only the domain of another site, without www", () => {
    expect(referrerDomain("https://www.google.com/search?q=grofvuil&token=abc", own)).toBe("google.com");
    expect(referrerDomain("http://nieuws.example.be:8080/a/b", own)).toBe("nieuws.example.be");
  });

  it("drops this site itself, IP addresses, apps and nonsense", () => {
    for (const value of ["https://stad.gent/nl/", "https://wijk.gent.be/x", "http://localhost:3000/nl", "http://10.1.2.3/",
                         "http://[::1]/", "android-app://com.google.android.gm/", "geen url", undefined]) {
      expect(referrerDomain(value, own), String(value)).toBeNull();
    }
  });
});

describe("PageViewCounter", () => {
  it("adds up views and referrers, and sealing hands them over in batches and starts afresh", () => {
    const counter = new PageViewCounter();
    counter.count("/nl/", "google.com");
    counter.count("/nl/", null);
    counter.count("/nl/themas/afval", "google.com");
    const [batch, ...rest] = counter.seal(new Date("2026-12-06T10:00:00Z"));
    expect(rest).toEqual([]);
    expect(batch).toMatchObject({ sealed_at: "2026-12-06T10:00:00.000Z", views: { "/nl/": 2, "/nl/themas/afval": 1 }, referrers: { "google.com": 2 } });
    expect(batch?.batch).toMatch(/^[0-9a-f-]{36}$/);
    expect(counter.seal(new Date())).toEqual([]);
  });

  it("splits many paths over batches the backend accepts, each with its own id", () => {
    const counter = new PageViewCounter();
    for (let n = 0; n < BATCH_ENTRIES + 20; n += 1) counter.count(`/nl/p${n}`);
    const batches = counter.seal(new Date());
    expect(batches.map((batch) => Object.keys(batch.views).length)).toEqual([BATCH_ENTRIES, 20]);
    expect(new Set(batches.map((batch) => batch.batch)).size).toBe(2);
  });

  it("keeps a bounded number of distinct paths between flushes", () => {
    const counter = new PageViewCounter({ maxPaths: 3 });
    for (const path of ["/a", "/b", "/c", "/d", "/a"]) counter.count(path);
    expect(counter.size).toBe(3);
    expect(counter.dropped).toBe(1);
  });
});

describe("createPageViewFlusher", () => {
  it("posts each batch signed with HMAC-SHA256 of the exact body", async () => {
    const received: { signature: string; body: string }[] = [];
    const endpoint = await listen((req, res) => {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => {
        received.push({ signature: String(req.headers["x-signature"]), body });
        res.writeHead(200, { "Content-Type": "application/json" }).end("{}");
      });
    });
    const counter = new PageViewCounter();
    const flusher = createPageViewFlusher({ counter, endpoint, secret: SECRET, log: () => {} });
    counter.count("/nl/", "google.com");
    await flusher.flush();
    expect(received).toHaveLength(1);
    const { signature, body } = received[0]!;
    expect(signature).toBe("sha256=" + createHmac("sha256", SECRET).update(body).digest("hex"));
    expect(JSON.parse(body)).toMatchObject({ views: { "/nl/": 1 }, referrers: { "google.com": 1 } });
    expect(flusher.pending).toBe(0);
  });

  it("sends a batch that got no answer again with the same id, and new counts in a batch of their own", async () => {
    const seen: string[] = [];
    let answer = 503;
    const endpoint = await listen((req, res) => {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => {
        seen.push(JSON.parse(body).batch);
        res.writeHead(answer).end();
      });
    });
    const counter = new PageViewCounter();
    const flusher = createPageViewFlusher({ counter, endpoint, secret: SECRET, log: () => {} });
    counter.count("/nl/");
    await flusher.flush();
    expect(flusher.pending).toBe(1);
    answer = 200;
    counter.count("/nl/themas");
    await flusher.flush();
    expect(seen).toHaveLength(3);
    expect(seen[1]).toBe(seen[0]);
    expect(seen[2]).not.toBe(seen[0]);
    expect(flusher.pending).toBe(0);
  });

  it("keeps batches while the backend cannot be reached, and drops one it refuses", async () => {
    const counter = new PageViewCounter();
    const logs: string[] = [];
    const closed = createPageViewFlusher({ counter, endpoint: "http://127.0.0.1:9/api/pageviews/", secret: SECRET, log: (m) => logs.push(m) });
    counter.count("/nl/");
    await closed.flush();
    expect(closed.pending).toBe(1);
    const endpoint = await listen((_req, res) => res.writeHead(401).end());
    const refusing = createPageViewFlusher({ counter, endpoint, secret: "wrong", log: (m) => logs.push(m) });
    counter.count("/nl/");
    await refusing.flush();
    expect(refusing.pending).toBe(0);
    expect(logs.some((line) => line.includes("refused a batch (401)"))).toBe(true);
  });
});

describe("the site's request path counts the pages it renders", () => {
  it("counts a rendered page for a person, with the referring domain, and not a bot or a 404", async () => {
    const counter = new PageViewCounter();
    const site = createSiteHandler({
      render: (req, res) => {
        const found = req.url?.startsWith("/nl");
        res.writeHead(found ? 200 : 404, { "Content-Type": "text/html; charset=utf-8" }).end("<p>pagina</p>");
      },
      clientDir: mkdtempSync(join(tmpdir(), "pageviews-")),
      allowedHosts: ["localhost", "127.0.0.1"],
      countViews: countPageViews(counter, ["localhost", "127.0.0.1"]),
    });
    const base = await listen(site);
    const get = (path: string, headers: Record<string, string>) =>
      new Promise<void>((done, fail) => {
        request(base + path, { headers }, (res) => res.resume().on("end", done)).on("error", fail).end();
      });
    await get("/nl/themas/afval?utm=x", { "User-Agent": HUMAN, Referer: "https://www.google.com/search?q=afval" });
    await get("/nl/themas/afval", { "User-Agent": HUMAN, Referer: "http://localhost/nl/" });
    await get("/nl/themas/afval", { "User-Agent": "Googlebot/2.1" });
    await get("/bestaat-niet", { "User-Agent": HUMAN });
    await new Promise((done) => setTimeout(done, 20)); // "finish" fires after the client saw the end
    const [batch] = counter.seal(new Date());
    expect(batch?.views).toEqual({ "/nl/themas/afval": 2 });
    expect(batch?.referrers).toEqual({ "google.com": 1 });
  });
});
