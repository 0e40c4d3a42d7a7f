import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { PAGE_CACHE_DROPPED } from "./events.mjs";
import type { MicroCache } from "./micro-cache.mjs";
import { createSearchCache, keepableSearch, searchCacheTtl } from "./search-cache.mjs";

// A stand-in for Next's search page: dynamic (no-store), one render per request it sees.
let server: http.Server | undefined;
let cache: MicroCache | undefined;
afterEach(async () => {
  cache?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
});

async function start(now: () => number) {
  cache = createSearchCache({ ttlMs: 30_000, now });
  const seen: string[] = [];
  let version = 1;
  server = http.createServer((req, res) => {
    if (cache!.handle(req, res)) return;
    seen.push(req.url ?? "");
    const status = req.url?.includes("fel") ? 500 : 200;
    res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate" });
    res.end(`<p>träffar, version ${version}</p>`);
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = async (path: string, headers: Record<string, string> = {}) => (await fetch(base + path, { headers })).text();
  return { seen, get, publish: () => (version += 1) };
}

describe("the cache of identical searches", () => {
  it("answers the same search again from memory, and a different one from Next", async () => {
    let clock = 0;
    const { seen, get } = await start(() => clock);
    await get("/sok?q=skolan");
    clock = 29_000;
    expect(await get("/sok?q=skolan")).toContain("version 1");
    await get("/sok?q=budget");
    expect(seen).toEqual(["/sok?q=skolan", "/sok?q=budget"]);
    clock = 31_000;
    await get("/sok?q=skolan");
    expect(seen).toHaveLength(3);
  });

  it("forgets every search when a publication drops the page cache", async () => {
    const { seen, get, publish } = await start(() => 0);
    await get("/sok?q=skolan");
    publish();
    process.emit(PAGE_CACHE_DROPPED as never);
    expect(await get("/sok?q=skolan")).toContain("version 2");
    expect(seen).toHaveLength(2);
  });

  it("keeps neither failures nor other pages nor client-side navigation", async () => {
    const { seen, get } = await start(() => 0);
    await get("/sok?q=fel");
    await get("/sok?q=fel");
    await get("/sok?q=skolan", { rsc: "1" });
    await get("/sok?q=skolan", { rsc: "1" });
    expect(seen).toHaveLength(4);
    expect(keepableSearch({ method: "GET", url: "/nyhetsbrev", headers: {} })).toBe(false);
    expect(keepableSearch({ method: "HEAD", url: "/sok?q=a", headers: {} })).toBe(false);
  });

  it("reads its lifetime from SEARCH_CACHE_MS", () => {
    expect(searchCacheTtl({})).toBe(30_000);
    expect(searchCacheTtl({ SEARCH_CACHE_MS: "0" })).toBe(0);
    expect(() => searchCacheTtl({ SEARCH_CACHE_MS: "-1" })).toThrow(/SEARCH_CACHE_MS/);
  });
});
