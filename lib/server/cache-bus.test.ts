import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { adminUrl } from "@/db/testing/urls";
import { cacheBusFor } from "./start.mjs";
import { ALL_PAGES, PAGE_CACHE_DROPPED, PAGE_CACHE_REMOTE, PAGE_CACHE_REVALIDATED } from "./events.mjs";
import PageCacheHandler from "./page-cache-handler.mjs";
import { createCacheBus, MAX_PAYLOAD_BYTES, payloads, remoteTags, type CacheBus } from "./cache-bus.mjs";

describe("cache bus messages", () => {
  it("splits a long list of tags into notifications under PostgreSQL's limit, losing none", () => {
    const tags = Array.from({ length: 900 }, (_, i) => `_N_T_/nyhetsbrev/2026/${i}/en-artikel-med-en-lang-adress`);
    const sent = payloads("instans-a", tags);
    expect(sent.length).toBeGreaterThan(1);
    for (const payload of sent) expect(Buffer.byteLength(payload)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    expect(sent.flatMap((payload) => remoteTags("instans-b", payload) ?? [])).toEqual(tags);
  });

  it("leaves out a tag too long to send, and sends nothing for no tags", () => {
    expect(payloads("a", ["x".repeat(MAX_PAYLOAD_BYTES)])).toEqual([]);
    expect(payloads("a", [])).toEqual([]);
  });

  it("ignores our own notifications and anything malformed", () => {
    const [payload] = payloads("jag", ["_N_T_/layout"]);
    expect(remoteTags("jag", payload)).toBeNull();
    expect(remoteTags("du", payload)).toEqual(["_N_T_/layout"]);
    for (const bad of [undefined, "", "{", "null", '{"tags":["a"]}', '{"from":"x","tags":"a"}']) expect(remoteTags("du", bad)).toBeNull();
    expect(remoteTags("du", '{"from":"x","tags":["a",7,null]}')).toEqual(["a"]);
  });

  it("refuses a channel name that is not a plain identifier", () => {
    expect(() => createCacheBus({ url: "postgres://localhost/x", channel: "a; drop table users", onRemote: () => {} })).toThrow(/kanalnamn/);
  });

  it("is not started without PostgreSQL: with the embedded database there is one instance", () => {
    expect(cacheBusFor({}, () => {})).toBeNull();
  });
});

describe("page cache and other instances", () => {
  const page = (tags: string) => ({ kind: "APP_PAGE", html: "<p>sida</p>", headers: { "x-next-cache-tags": tags } });

  it("drops the pages another instance revalidated, and everything for ALL_PAGES", async () => {
    const handler = new PageCacheHandler();
    await handler.set("/x", page("_N_T_/x"), {});
    await handler.set("/y", page("_N_T_/y"), {});
    let dropped = 0;
    const count = () => void dropped++;
    process.on(PAGE_CACHE_DROPPED, count);
    try {
      process.emit(PAGE_CACHE_REMOTE as "exit", ["_N_T_/x"] as unknown as number);
      expect(await handler.get("/x")).toBeNull();
      expect(await handler.get("/y")).not.toBeNull();
      process.emit(PAGE_CACHE_REMOTE as "exit", [ALL_PAGES] as unknown as number);
      expect(await handler.get("/y")).toBeNull();
      expect(dropped).toBe(2);
    } finally {
      process.off(PAGE_CACHE_DROPPED, count);
    }
  });

  it("announces its own revalidations for the other instances, and not the ones it received", async () => {
    const handler = new PageCacheHandler();
    const announced: string[][] = [];
    const listen = (tags: string[]) => void announced.push(tags);
    process.on(PAGE_CACHE_REVALIDATED, listen);
    try {
      await handler.revalidateTag(["_N_T_/blogg/kommunchefen"]);
      process.emit(PAGE_CACHE_REMOTE as "exit", ["_N_T_/kalender"] as unknown as number);
      await handler.revalidateTag([]);
      expect(announced).toEqual([["_N_T_/blogg/kommunchefen"]]);
    } finally {
      process.off(PAGE_CACHE_REVALIDATED, listen);
    }
  });
});

// Two instances on one PostgreSQL: needs a server, so only in CI's PostgreSQL pass.
const database = inject("testDatabase");
describe.runIf(database.kind === "postgres")("cache bus on PostgreSQL", () => {
  const url = database.kind === "postgres" ? adminUrl(database.url) : "";
  const open: CacheBus[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((bus) => bus.close()));
  });

  function instance(channel: string, retryMs = 50) {
    const received: string[][] = [];
    let resets = 0;
    const bus = createCacheBus({
      url,
      channel,
      retryMs,
      // After a lost connection the bus asks for everything to be dropped: a reset.
      onRemote: (tags) => void (tags.includes(ALL_PAGES) ? resets++ : received.push(tags)),
      log: { log: () => {}, error: () => {} },
    });
    open.push(bus);
    return { bus, received, resets: () => resets };
  }

  const until = async (check: () => boolean, what: string) => {
    const deadline = Date.now() + 10_000;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  const channel = () => `kb_test_${randomBytes(4).toString("hex")}`;

  it("tells the other instance, and not itself, what was revalidated", async () => {
    const name = channel();
    const a = instance(name);
    const b = instance(name);
    await until(() => a.bus.listening && b.bus.listening, "both to listen");
    await a.bus.publish(["_N_T_/blogg/kommunchefen/ett-inlagg", "_N_T_/layout"]);
    await until(() => b.received.length > 0, "the notification");
    expect(b.received).toEqual([["_N_T_/blogg/kommunchefen/ett-inlagg", "_N_T_/layout"]]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(a.received).toEqual([]);
  });

  it("after a lost connection: drops everything, listens again, and sends what was published meanwhile", async () => {
    const name = channel();
    // a comes back well after b, so that b is listening again when a sends what it queued.
    const a = instance(name, 500);
    const b = instance(name, 20);
    await until(() => a.bus.listening && b.bus.listening, "both to listen");

    // The database ends both instances' connections (a restart, a failover, a network cut).
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'kommunbladet-cache-bus' and pid <> pg_backend_pid()");
    } finally {
      await admin.end();
    }
    await until(() => !a.bus.listening, "a to notice");
    await a.bus.publish(["_N_T_/kalender"]);

    await until(() => a.bus.listening && b.bus.listening, "both to listen again");
    expect(a.resets()).toBe(1);
    await until(() => b.resets() === 1, "b to reset");
    await until(() => b.received.some((tags) => tags.includes("_N_T_/kalender")), "the queued notification");

    // One connection each again: a late "error" or "end" of the lost one did not start a second.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const counter = new pg.Client({ connectionString: url });
    await counter.connect();
    try {
      const { rows } = await counter.query("select count(*)::int as n from pg_stat_activity where application_name = 'kommunbladet-cache-bus'");
      expect(rows[0].n).toBe(2);
    } finally {
      await counter.end();
    }
  });
});
