import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { PAGE_CACHE_DROPPED } from "./events.mjs";
import { acceptedEncodings, cacheableRequest, cacheableResponse, createMicroCache, type MicroCache } from "./micro-cache.mjs";

// A stand-in for Next: counts the requests it sees and answers like Next answers a cached page
// (or a dynamic one, or one that sets a cookie) depending on the path, compressed as Next's
// compression middleware does (gzip if accepted, else deflate; /liten is too small to compress).
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
    const accepts = acceptedEncodings(req.headers["accept-encoding"]);
    const coding = req.url === "/liten" ? undefined : accepts("gzip") ? "gzip" : accepts("deflate") ? "deflate" : undefined;
    const send = () => {
      if (coding) res.setHeader("content-encoding", coding);
      res.setHeader("vary", "Accept-Encoding");
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
      const body = coding === "gzip" ? zlib.gzipSync(page) : coding === "deflate" ? zlib.deflateSync(page) : Buffer.from(page);
      res.write(body.subarray(0, 5));
      res.end(body.subarray(5));
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
  // The bytes as sent, undecoded, with exactly the headers given (fetch adds its own Accept-Encoding).
  const raw = (path: string, headers: Record<string, string> = {}) =>
    new Promise<{ body: Buffer; encoding: string | undefined; hit: boolean }>((resolve, reject) => {
      http
        .get(base + path, { headers }, (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => resolve({ body: Buffer.concat(chunks), encoding: response.headers["content-encoding"], hit: response.headers["x-micro-cache"] === "HIT" }));
        })
        .on("error", reject);
    });
  return {
    cache,
    seen,
    get,
    raw,
    publish: () => (version += 1),
    slow: (ms: number) => (delayMs = ms),
  };
}

describe("micro-cache", () => {
  it("sends a cached page again without asking Next, with Next's headers", async () => {
    const app = await start();
    const first = await app.get("/nyhetsbrev/2026/11", { "accept-encoding": "identity" });
    const second = await app.get("/nyhetsbrev/2026/11", { "accept-encoding": "identity" });
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
    // Under way: Next has the request (a fixed wait was too short on a busy machine).
    while (app.seen.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
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

  it("when a copy runs out, asks Next once and sends the old copy meanwhile", async () => {
    let clock = 1_000;
    const app = await start({ ttlMs: 1_000, now: () => clock });
    await app.get("/kalender");
    clock += 1_500;
    app.publish(); // Next's own copy moved on (its page cache revalidated), as it may at any time
    app.slow(150);
    const refresh = app.get("/kalender");
    while (app.seen.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    const meanwhile = await Promise.all([app.get("/kalender"), app.get("/kalender")]);
    expect(meanwhile.map((page) => page.body)).toEqual(["<p>version 1</p>", "<p>version 1</p>"]);
    expect(meanwhile.every((page) => page.headers.get("x-micro-cache") === "HIT")).toBe(true);
    expect((await refresh).body).toBe("<p>version 2</p>");
    expect((await app.get("/kalender")).body).toBe("<p>version 2</p>");
    expect(app.seen).toEqual(["/kalender", "/kalender"]);
  });

  it("sends no copy older than twice the TTL, nor the old one when the refresh has taken a whole TTL", async () => {
    let clock = 1_000;
    const app = await start({ ttlMs: 1_000, now: () => clock });
    await app.get("/kalender");
    clock += 1_200;
    app.slow(150);
    const refresh = app.get("/kalender");
    while (app.seen.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    clock += 800; // the copy is now 2 000 ms old
    const tooOld = app.get("/kalender");
    while (app.seen.length < 3) await new Promise((resolve) => setTimeout(resolve, 5));
    await Promise.all([refresh, tooOld]);

    app.slow(0);
    await app.get("/blogg");
    clock += 1_100;
    app.slow(150);
    const slowRefresh = app.get("/blogg");
    while (app.seen.filter((url) => url === "/blogg").length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    clock += 1_000; // the refresh has been under way for a whole TTL: no longer trusted to end
    const another = app.get("/blogg");
    while (app.seen.filter((url) => url === "/blogg").length < 3) await new Promise((resolve) => setTimeout(resolve, 5));
    await Promise.all([slowRefresh, another]);
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

  // The bug: the key was guessed from Accept-Encoding ("deflate" alone counted as no compression),
  // so a client without compression got the zlib bytes Next had sent to a deflate client.
  it("never sends compressed bytes to a client that did not ask for them", async () => {
    const app = await start();
    const deflated = await app.raw("/", { "accept-encoding": "deflate" });
    expect(deflated.encoding).toBe("deflate");
    expect(zlib.inflateSync(deflated.body).toString()).toBe("<p>version 1</p>");
    const plainClients: Record<string, string>[] = [{}, { "accept-encoding": "identity" }, { "accept-encoding": "gzip;q=0, br" }];
    for (const headers of plainClients) {
      const plain = await app.raw("/", headers);
      expect(plain.encoding).toBeUndefined();
      expect(plain.body.toString()).toBe("<p>version 1</p>");
    }
    const gzipped = await app.raw("/", { "accept-encoding": "gzip" });
    expect(gzipped.encoding).toBe("gzip");
    expect(zlib.gunzipSync(gzipped.body).toString()).toBe("<p>version 1</p>");
  });

  it("serves a kept coding to every client that accepts it", async () => {
    const app = await start();
    await app.raw("/", { "accept-encoding": "deflate" });
    const again = await app.raw("/", { "accept-encoding": "deflate, gzip;q=0" });
    expect(again).toMatchObject({ encoding: "deflate", hit: true });
    await app.raw("/", {});
    expect(await app.raw("/", { "accept-encoding": "*;q=0, identity" })).toMatchObject({ encoding: undefined, hit: true });
    expect(app.seen).toEqual(["/", "/"]);
  });

  it("does not send plain bytes to a compressing client because a plain client came first", async () => {
    const app = await start();
    await app.raw("/", {});
    expect(await app.raw("/", { "accept-encoding": "gzip, deflate, br" })).toMatchObject({ encoding: "gzip", hit: false });
    expect(await app.raw("/", { "accept-encoding": "gzip, deflate, br" })).toMatchObject({ encoding: "gzip", hit: true });
  });

  it("sends a page Next does not compress to everyone from one copy", async () => {
    const app = await start();
    await app.raw("/liten", { "accept-encoding": "gzip, deflate, br" });
    expect(await app.raw("/liten", {})).toMatchObject({ encoding: undefined, hit: true });
    expect(await app.raw("/liten", { "accept-encoding": "gzip" })).toMatchObject({ encoding: undefined, hit: true });
    expect(app.seen).toEqual(["/liten"]);
  });
});

describe("acceptedEncodings", () => {
  it("reads Accept-Encoding as RFC 9110 does", () => {
    const none = acceptedEncodings(undefined);
    expect([none("identity"), none("gzip"), none("deflate")]).toEqual([true, false, false]);
    const browser = acceptedEncodings("gzip, deflate, br, zstd");
    expect([browser("gzip"), browser("deflate"), browser("br"), browser("identity")]).toEqual([true, true, true, true]);
    const weighted = acceptedEncodings("GZIP;q=0.5, deflate;q=0, identity;q=0");
    expect([weighted("gzip"), weighted("deflate"), weighted("identity")]).toEqual([true, false, false]);
    const star = acceptedEncodings("*;q=0");
    expect([star("gzip"), star("identity")]).toEqual([false, false]);
    const anything = acceptedEncodings("*");
    expect([anything("deflate"), anything("identity")]).toEqual([true, true]);
    expect(acceptedEncodings("")("identity")).toBe(true);
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
