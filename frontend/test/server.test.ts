/**
 * The production server's own steps (server/): the Host allow-list, the security headers
 * and compression, on a real node:http server on the loopback with a stand-in for Astro's
 * handler (what it renders is tested elsewhere; here: what every answer gets around it).
 */
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { createServer, request, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { hstsSeconds } from "../server/headers.mjs";
import { allowedHostPatterns, DEFAULT_ALLOWED_HOSTS, hostName, isAllowedHost } from "../server/hosts.mjs";
import { createSiteHandler } from "../server/site.mjs";

describe("allowedHostPatterns", () => {
  it("is the loopback when nothing is set, or only blanks", () => {
    expect(allowedHostPatterns(undefined, undefined)).toEqual(DEFAULT_ALLOWED_HOSTS.split(","));
    expect(allowedHostPatterns("  ", undefined)).toEqual(["localhost", "127.0.0.1", "[::1]"]);
  });

  it("reads a comma-separated list, lower-cased, and adds the host of the public site URL", () => {
    expect(allowedHostPatterns(" Stad.Gent, .gent.be ,,", "https://www.stad.gent:8443/nl")).toEqual([
      "stad.gent",
      ".gent.be",
      "www.stad.gent",
    ]);
    expect(allowedHostPatterns("stad.gent", "geen url")).toEqual(["stad.gent"]);
  });
});

describe("isAllowedHost", () => {
  const patterns = allowedHostPatterns("stad.gent,.wijken.gent,[::1]", undefined);

  it("accepts a listed host with or without a port, in any case, with a trailing dot", () => {
    for (const host of ["stad.gent", "STAD.gent:443", "stad.gent.", "[::1]:3000"]) {
      expect(isAllowedHost(host, patterns), host).toBe(true);
    }
  });

  it("accepts a leading-dot pattern's domain and its subdomains only", () => {
    expect(isAllowedHost("wijken.gent", patterns)).toBe(true);
    expect(isAllowedHost("ledeberg.wijken.gent:3000", patterns)).toBe(true);
    expect(isAllowedHost("eviwijken.gent", patterns)).toBe(false);
    expect(isAllowedHost("wijken.gent.evil.example", patterns)).toBe(false);
  });

  it("refuses unknown, missing and malformed hosts", () => {
    for (const host of [undefined, "", "evil.example", "stad.gent.evil.example", "stad.gent@evil.example", "stad.gent/x", "stad.gent:99999", "stad.gent:x", "[::2]"]) {
      expect(isAllowedHost(host, patterns), String(host)).toBe(false);
    }
    expect(hostName("a b")).toBeNull();
  });

  it("accepts anything under *", () => {
    expect(isAllowedHost("whatever.example:81", ["*"])).toBe(true);
    expect(isAllowedHost("bad host", ["*"])).toBe(false);
  });
});

describe("hstsSeconds", () => {
  it("is off unless a positive number of seconds is set", () => {
    expect([undefined, "", "0", "-5", "nee"].map(hstsSeconds)).toEqual([0, 0, 0, 0, 0]);
    expect(hstsSeconds("31536000")).toBe(31536000);
  });
});

// A page big enough to be worth compressing (the threshold is 1 KB), like a real one.
const PAGE = `<!doctype html><html lang="nl"><title>Afval</title><main>${"<p>Grof huisvuil laten ophalen aan huis.</p>".repeat(80)}</main></html>`;
const PAGE_CSP = "default-src 'none'; style-src 'self' 'sha256-abc'; frame-ancestors 'none'";

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

let server: Server | undefined;
let rendered: string[] = [];

afterEach(async () => {
  const running = server;
  server = undefined;
  if (running) await new Promise((resolve) => running.close(resolve));
});

/** The site handler on a free loopback port, with a stand-in for Astro's handler. */
async function start(options: { hsts?: number; hosts?: string } = {}): Promise<number> {
  rendered = [];
  const clientDir = mkdtempSync(join(tmpdir(), "vrijhaven-client-"));
  writeFileSync(join(clientDir, "favicon.svg"), `<svg xmlns="http://www.w3.org/2000/svg">${" ".repeat(2000)}</svg>`);
  mkdirSync(join(clientDir, "_astro"));
  writeFileSync(join(clientDir, "_astro", "site.Ab12.css"), "body{color:#000}");
  const handler = createSiteHandler({
    clientDir,
    allowedHosts: allowedHostPatterns(options.hosts ?? "stad.gent", undefined),
    hstsSeconds: options.hsts ?? 0,
    render: async (req, res) => {
      rendered.push(req.url ?? "");
      const url = new URL(req.url ?? "/", "http://x");
      if (url.pathname === "/api/suggest") {
        const body = JSON.stringify(Array.from({ length: 60 }, (_, i) => ({ title: `Afvalkalender ${i}`, href: `/nl/${i}` })));
        res.writeHead(200, { "content-type": "application/json" });
        res.end(body);
      } else if (url.pathname === "/nl/voorkeuren") {
        res.writeHead(200, { "content-type": "text/html", "content-security-policy": PAGE_CSP, "referrer-policy": "no-referrer" });
        res.end(PAGE);
      } else if (url.pathname === "/kort") {
        // An answer that says its length up front (a file, an unstreamed page) can be judged small.
        res.writeHead(200, { "content-type": "text/html", "content-length": "11" });
        res.end("<p>kort</p>");
      } else if (url.pathname === "/no-transform") {
        res.writeHead(200, { "content-type": "text/html", "cache-control": "no-transform" });
        res.end(PAGE);
      } else if (url.pathname === "/kapot") {
        throw new Error("render failed");
      } else {
        // Streamed in pieces, as Astro streams a page.
        res.writeHead(200, { "content-type": "text/html", "content-security-policy": PAGE_CSP });
        for (let i = 0; i < PAGE.length; i += 500) res.write(PAGE.slice(i, i + 500));
        res.end();
      }
    },
  });
  server = createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return (server!.address() as AddressInfo).port;
}

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, agent: false, headers: { host: "stad.gent", ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

function expectSecurityHeaders(headers: IncomingHttpHeaders) {
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBeDefined();
}

describe("the site handler", () => {
  it("answers an unknown Host with a 400 and renders nothing", async () => {
    const port = await start();
    const answer = await get(port, "/nl", { host: "evil.example" });
    expect(answer.status).toBe(400);
    expect(answer.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(answer.body.toString()).toContain("Onbekende host");
    expectSecurityHeaders(answer.headers);
    expect(rendered).toEqual([]);

    expect((await get(port, "/nl", { host: "stad.gent:8080" })).status).toBe(200);
    expect(rendered).toEqual(["/nl"]);
  });

  it("answers a URL that does not decode with a 400", async () => {
    const port = await start();
    expect((await get(port, "/nl/%E0%A4%A")).status).toBe(400);
    expect(rendered).toEqual([]);
  });

  it("sends the security headers on a page, keeping the page's own CSP and Referrer-Policy", async () => {
    const port = await start();
    const page = await get(port, "/nl/themas");
    expect(page.headers["content-security-policy"]).toBe(PAGE_CSP);
    expect(page.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(page.headers["x-frame-options"]).toBe("DENY");
    expect(page.headers["x-content-type-options"]).toBe("nosniff");
    expect(page.headers["strict-transport-security"]).toBeUndefined();

    const tokenPage = await get(port, "/nl/voorkeuren");
    expect(tokenPage.headers["referrer-policy"]).toBe("no-referrer");
  });

  it("gives answers without a policy of their own (JSON, files, errors) one that allows nothing", async () => {
    const port = await start();
    for (const path of ["/api/suggest", "/favicon.svg", "/kapot"]) {
      const answer = await get(port, path);
      expect(answer.headers["content-security-policy"], path).toBe(
        "default-src 'none';base-uri 'none';form-action 'none';frame-ancestors 'none'",
      );
      expectSecurityHeaders(answer.headers);
    }
    const failed = await get(port, "/kapot");
    expect(failed.status).toBe(500);
    expect(failed.body.toString()).toContain("Er ging iets mis");
  });

  it("sends HSTS only when configured", async () => {
    const port = await start({ hsts: 31536000 });
    expect((await get(port, "/nl")).headers["strict-transport-security"]).toBe("max-age=31536000");
  });

  it("compresses a page with gzip when asked, and it decodes to the same page", async () => {
    const port = await start();
    const plain = await get(port, "/nl");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers["vary"]).toContain("Accept-Encoding");
    expect(plain.body.toString()).toBe(PAGE);

    const gzip = await get(port, "/nl", { "accept-encoding": "gzip" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gzip.headers["vary"]).toContain("Accept-Encoding");
    expect(gzip.body.length).toBeLessThan(PAGE.length / 4);
    expect(gunzipSync(gzip.body).toString()).toBe(PAGE);
    expect(gzip.headers["content-security-policy"]).toBe(PAGE_CSP);
  });

  it("prefers brotli when the browser takes both, for pages and JSON", async () => {
    const port = await start();
    const page = await get(port, "/nl", { "accept-encoding": "gzip, deflate, br, zstd" });
    expect(page.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(page.body).toString()).toBe(PAGE);

    const json = await get(port, "/api/suggest?q=afval", { "accept-encoding": "gzip, br" });
    expect(json.headers["content-encoding"]).toBe("br");
    expect(JSON.parse(brotliDecompressSync(json.body).toString())).toHaveLength(60);
  });

  it("leaves small answers of known length and no-transform answers as they are", async () => {
    const port = await start();
    const small = await get(port, "/kort", { "accept-encoding": "gzip, br" });
    expect(small.headers["content-encoding"]).toBeUndefined();
    expect(small.body.toString()).toBe("<p>kort</p>");
    const kept = await get(port, "/no-transform", { "accept-encoding": "gzip, br" });
    expect(kept.headers["content-encoding"]).toBeUndefined();
  });

  it("serves the built client files itself, hashed assets as immutable", async () => {
    const port = await start();
    const icon = await get(port, "/favicon.svg", { "accept-encoding": "gzip" });
    expect(icon.status).toBe(200);
    expect(icon.headers["content-type"]).toBe("image/svg+xml");
    expect(icon.headers["content-encoding"]).toBe("gzip");
    const asset = await get(port, "/_astro/site.Ab12.css");
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(asset.body.toString()).toBe("body{color:#000}");
    expect(rendered).toEqual([]);
  });
});
