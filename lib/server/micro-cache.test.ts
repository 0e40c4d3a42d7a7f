import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { PAGE_CACHE_DROPPED } from "@/lib/cache/page-cache-handler.mjs";
import { cacheableRequest, cacheableResponse, createMicroCache, type MicroCache } from "./micro-cache.mjs";

// A stand-in for Next: counts the requests it sees and answers like Next answers a cached page
// (or a dynamic one, or one that sets a cookie) depending on the path.
let servers: http.Server[] = [];
let caches: MicroCache[] = [];
afterEach(async () => {
  for (const cache of caches) cache.close();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  servers = [];
  caches = [];
});

async function start(options: { ttlMs?: number; now?: () => number } = {}) {
  const cache = createMicroCache(options);
  caches.push(cache);
  const seen: string[] = [];
  let version = 1;
  let delayMs = 0;
  const server = http.createServer((req, res) => {
    if (cache.handle(req, res)) return;
    seen.push(req.url ?? "");
    const page = `<p>version ${version}</p>`;
    const send = () => {
      if (req.url?.startsWith("/sok")) {
        res.writeHead(200, { "cache-control": "private, no-cache, no-store" });
      } else if (req.url === "/kaka") {
        res.writeHead(200, { "x-nextjs-cache": "HIT", "cache-control": "s-maxage=60", "set-cookie": "a=b" });
      } else if (req.url === "/saknas") {
        res.writeHead(404, { "x-nextjs-cache": "HIT", "cache-control": "s-maxage=60" });
      } else {
        res.writeHead(200, { "x-nextjs-cache": "HIT", "cache-control": "s-maxage=60, stale-while-revalidate=3540", "content-type": "text/html; charset=utf-8" });
      }
      // Two writes, as a streamed render sends them.
      res.write(page.slice(0, 5));
      res.end(page.slice(5));
    };
    if (delayMs) setTimeout(send, delayMs);
    else send();
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(base + path, { headers });
    return { status: response.status, body: await response.text(), headers: response.headers };
  };
  return {
    cache,
    seen,
    get,
    publish: () => (version += 1),
    slow: (ms: number) => (delayMs = ms),
  };
}

describe("micro-cache", () => {
  it("sends a cached page again without asking Next, with Next's headers", async () => {
    const app = await start();
    const first = await app.get("/nyhetsbrev/2026/11");
    const second = await app.get("/nyhetsbrev/2026/11");
    expect(second.body).toBe(first.body);
    expect(second.body).toBe("<p>version 1</p>");
    expect(second.headers.get("cache-control")).toBe("s-maxage=60, stale-while-revalidate=3540");
    expect(second.headers.get("content-length")).toBe(String(first.body.length));
    expect(second.headers.get("x-micro-cache")).toBe("HIT");
    expect(first.headers.get("x-micro-cache")).toBeNull();
    expect(app.seen).toEqual(["/nyhetsbrev/2026/11"]);
  });

  it("empties when the page cache drops pages (a publication), so the new version is sent at once", async () => {
    const app = await start();
    await app.get("/");
    app.publish();
    process.emit(PAGE_CACHE_DROPPED as never);
    expect((await app.get("/")).body).toBe("<p>version 2</p>");
    expect(app.seen).toEqual(["/", "/"]);
  });

  it("does not keep an answer that was under way when the pages were dropped", async () => {
    const app = await start();
    app.slow(150);
    const inFlight = app.get("/blogg/kommunchefen");
    await new Promise((resolve) => setTimeout(resolve, 50));
    process.emit(PAGE_CACHE_DROPPED as never);
    await inFlight;
    app.slow(0);
    await app.get("/blogg/kommunchefen");
    expect(app.seen).toEqual(["/blogg/kommunchefen", "/blogg/kommunchefen"]);
  });

  it("keeps a page for the TTL only", async () => {
    let clock = 1_000;
    const app = await start({ ttlMs: 1_000, now: () => clock });
    await app.get("/kalender");
    clock += 999;
    await app.get("/kalender");
    clock += 2;
    await app.get("/kalender");
    expect(app.seen).toEqual(["/kalender", "/kalender"]);
  });

  it("keeps nothing with a TTL of 0", async () => {
    const app = await start({ ttlMs: 0 });
    await app.get("/");
    await app.get("/");
    expect(app.seen).toHaveLength(2);
  });

  it("never keeps dynamic pages, pages that set a cookie, or errors", async () => {
    const app = await start();
    for (const path of ["/sok?q=skola", "/kaka", "/saknas"]) {
      await app.get(path);
      await app.get(path);
    }
    expect(app.seen).toEqual(["/sok?q=skola", "/sok?q=skola", "/kaka", "/kaka", "/saknas", "/saknas"]);
  });

  it("keeps gzip and plain answers apart", async () => {
    const app = await start();
    await app.get("/", { "accept-encoding": "gzip" });
    await app.get("/", { "accept-encoding": "identity" });
    await app.get("/", { "accept-encoding": "gzip, deflate" });
    expect(app.seen).toEqual(["/", "/"]);
  });
});

describe("cacheableRequest", () => {
  const req = (url: string, headers: Record<string, string> = {}, method = "GET") => ({ method, url, headers });
  it("takes plain GETs of reader pages", () => {
    expect(cacheableRequest(req("/"))).toBe(true);
    expect(cacheableRequest(req("/nyhetsbrev/2026/11/det-vi-bygger?utm=x"))).toBe(true);
  });
  it("leaves everything else to Next", () => {
    expect(cacheableRequest(req("/", {}, "POST"))).toBe(false);
    expect(cacheableRequest(req("/", {}, "HEAD"))).toBe(false);
    expect(cacheableRequest(req("/redaktion"))).toBe(false);
    expect(cacheableRequest(req("/redaktion/texter/1"))).toBe(false);
    expect(cacheableRequest(req("/api/auth/session"))).toBe(false);
    expect(cacheableRequest(req("/logga-in?till=/redaktion"))).toBe(false);
    expect(cacheableRequest(req("/_next/static/chunks/a.js"))).toBe(false);
    expect(cacheableRequest(req("/blogg?_rsc=abc"))).toBe(false);
    expect(cacheableRequest(req("/blogg", { rsc: "1" }))).toBe(false);
    expect(cacheableRequest(req("/", { "next-action": "x" }))).toBe(false);
    expect(cacheableRequest(req("/", { "if-none-match": '"abc"' }))).toBe(false);
    expect(cacheableRequest(req("/", { range: "bytes=0-10" }))).toBe(false);
    expect(cacheableRequest(req(`/${"a".repeat(3000)}`))).toBe(false);
  });
});

describe("cacheableResponse", () => {
  it("takes only Next's cached public pages", () => {
    expect(cacheableResponse(200, { "x-nextjs-cache": "HIT", "cache-control": "s-maxage=60" })).toBe(true);
    expect(cacheableResponse(200, { "x-nextjs-cache": "STALE", "cache-control": "s-maxage=60, stale-while-revalidate=1" })).toBe(true);
    expect(cacheableResponse(200, { "cache-control": "s-maxage=60" })).toBe(false);
    expect(cacheableResponse(200, { "x-nextjs-cache": "HIT", "cache-control": "private, no-store" })).toBe(false);
    expect(cacheableResponse(200, { "x-nextjs-cache": "HIT", "cache-control": "s-maxage=60", "set-cookie": ["a=b"] })).toBe(false);
    expect(cacheableResponse(404, { "x-nextjs-cache": "HIT", "cache-control": "s-maxage=60" })).toBe(false);
  });
});
