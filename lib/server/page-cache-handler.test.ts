import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PAGE_CACHE_DROPPED, PAGE_CACHE_MESSAGE } from "./events.mjs";
import PageCacheHandler, { pageCacheStats, receivePageCacheMessage } from "./page-cache-handler.mjs";
import { microCacheTtl, relay, serverOptions, workerCount } from "./start.mjs";

const page = (tags: string) => ({ kind: "APP_PAGE", html: "<p>sida</p>", headers: { "x-next-cache-tags": tags } });

describe("page cache handler", () => {
  it("drops the entries of a revalidated tag and keeps the others", async () => {
    const handler = new PageCacheHandler();
    await handler.set("/a", page("_N_T_/layout,_N_T_/a"), {});
    await handler.set("/b", page("_N_T_/b"), { tags: ["extra"] });
    await handler.revalidateTag("_N_T_/layout");
    expect(await handler.get("/a")).toBeNull();
    expect((await handler.get("/b"))?.tags).toEqual(["extra", "_N_T_/b"]);
    await handler.revalidateTag(["extra"]);
    expect(await handler.get("/b")).toBeNull();
  });

  it("applies a revalidation relayed from another worker, and ignores other messages", async () => {
    const handler = new PageCacheHandler();
    await handler.set("/c", page("_N_T_/c"), {});
    expect(receivePageCacheMessage({ type: "something else", tags: ["_N_T_/c"] })).toBe(false);
    expect(receivePageCacheMessage({ type: PAGE_CACHE_MESSAGE, tags: "_N_T_/c" })).toBe(false);
    expect(await handler.get("/c")).not.toBeNull();
    expect(receivePageCacheMessage({ type: PAGE_CACHE_MESSAGE, tags: ["_N_T_/c", 7] })).toBe(true);
    expect(await handler.get("/c")).toBeNull();
    expect(pageCacheStats().entries).toBe(0);
  });

  it("invalidates the page in every worker of a real cluster at once", () => {
    const fixture = path.join(import.meta.dirname, "cluster-fixture.mjs");
    const run = spawnSync(process.execPath, [fixture], { encoding: "utf8", timeout: 20_000 });
    expect(run.status, run.stderr).toBe(0);
    const results = JSON.parse(run.stdout.trim().split("\n").at(-1) ?? "{}");
    // Both workers dropped the article (tagged with the layout) and kept the unrelated entry.
    expect(results).toEqual({ revalidates: ["/redaktion-preview"], watches: ["/redaktion-preview"] });
  });
});

describe("page cache handler and the micro-cache", () => {
  it("signals every drop, so the micro-cache in front empties too", async () => {
    let signals = 0;
    const count = () => (signals += 1);
    process.on(PAGE_CACHE_DROPPED, count);
    try {
      await new PageCacheHandler().revalidateTag(["_N_T_/layout"]);
      receivePageCacheMessage({ type: PAGE_CACHE_MESSAGE, tags: ["_N_T_/blogg/layout"] });
      expect(signals).toBe(2);
    } finally {
      process.off(PAGE_CACHE_DROPPED, count);
    }
  });
});

describe("npm start (scripts/start.mjs)", () => {
  it("takes next start's -p and -H, and PORT otherwise", () => {
    expect(serverOptions(["-p", "3400"], {})).toEqual({ port: 3400, hostname: undefined });
    expect(serverOptions(["--port=3401", "-H", "0.0.0.0"], {})).toEqual({ port: 3401, hostname: "0.0.0.0" });
    expect(serverOptions([], { PORT: "8080" })).toEqual({ port: 8080, hostname: undefined });
    expect(serverOptions([], {})).toEqual({ port: 3000, hostname: undefined });
    expect(() => serverOptions(["--turbo"], {})).toThrow(/Okänt argument/);
    expect(() => serverOptions(["-p", "port"], {})).toThrow(/Ogiltig port/);
  });

  it("keeps pages in the micro-cache for a second unless PAGE_MICROCACHE_MS says otherwise", () => {
    expect(microCacheTtl({})).toBe(1000);
    expect(microCacheTtl({ PAGE_MICROCACHE_MS: "0" })).toBe(0);
    expect(microCacheTtl({ PAGE_MICROCACHE_MS: "250" })).toBe(250);
    expect(() => microCacheTtl({ PAGE_MICROCACHE_MS: "en sekund" })).toThrow(/PAGE_MICROCACHE_MS/);
  });

  it("runs one worker per core with PostgreSQL and exactly one with the embedded database", () => {
    expect(workerCount({ DATABASE_URL: "postgres://x/y" }, 4)).toBe(4);
    expect(workerCount({ DATABASE_URL: "postgres://x/y", WEB_CONCURRENCY: "2" }, 8)).toBe(2);
    expect(workerCount({}, 4)).toBe(1);
    expect(workerCount({ DATABASE_URL: "" }, 4)).toBe(1);
    expect(workerCount({ WEB_CONCURRENCY: "1" }, 4)).toBe(1);
    expect(() => workerCount({ WEB_CONCURRENCY: "2" }, 4)).toThrow(/PGlite.*DATABASE_URL/);
    expect(() => workerCount({ DATABASE_URL: "postgres://x/y", WEB_CONCURRENCY: "två" }, 4)).toThrow(/WEB_CONCURRENCY/);
    expect(() => workerCount({ DATABASE_URL: "postgres://x/y", WEB_CONCURRENCY: "0" }, 4)).toThrow(/WEB_CONCURRENCY/);
  });

  it("relays a revalidation to every other live worker, and nothing else", () => {
    const sent: number[] = [];
    const worker = (id: number, connected = true) => ({ id, send: () => sent.push(id), isConnected: () => connected });
    const workers = [worker(1), worker(2), worker(3, false), worker(4)];
    expect(relay(workers, { id: 2 }, { type: PAGE_CACHE_MESSAGE, tags: ["t"] })).toBe(2);
    expect(sent).toEqual([1, 4]);
    expect(relay(workers, { id: 2 }, { type: "other" })).toBe(0);
    expect(relay(workers, { id: 2 }, "text")).toBe(0);
  });
});
