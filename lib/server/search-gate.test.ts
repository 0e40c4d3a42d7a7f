import { EventEmitter } from "node:events";
import { afterEach, describe, expect, it, vi } from "vitest";
import { busyPage, createSearchGate, isSearchRequest, searchGateOptions } from "./search-gate.mjs";

class FakeResponse extends EventEmitter {
  status = 0;
  headers: Record<string, unknown> = {};
  body = "";
  headersSent = false;
  writableEnded = false;
  writeHead(status: number, headers: Record<string, unknown>) {
    this.status = status;
    this.headers = headers;
    this.headersSent = true;
  }
  end(body?: string) {
    this.body = body ?? "";
    this.writableEnded = true;
    this.emit("close");
  }
}

const search = (url = "/sok?q=skolan") => ({ method: "GET", url, headers: {} }) as never;

afterEach(() => vi.useRealTimers());

describe("the search gate", () => {
  it("knows a search from other pages", () => {
    expect(isSearchRequest(search())).toBe(true);
    expect(isSearchRequest(search("/sok"))).toBe(true);
    expect(isSearchRequest(search("/sokord"))).toBe(false);
    expect(isSearchRequest(search("/nyhetsbrev"))).toBe(false);
    expect(isSearchRequest({ method: "POST", url: "/sok", headers: {} } as never)).toBe(false);
  });

  it("passes other requests on untouched", () => {
    const gate = createSearchGate({ concurrency: 1 });
    const next = vi.fn();
    expect(gate.handle(search("/"), new FakeResponse() as never, next)).toBe(false);
    expect(next).not.toHaveBeenCalled();
  });

  it("lets `concurrency` searches in at once, queues the next, and starts a waiting one when a slot frees", () => {
    const gate = createSearchGate({ concurrency: 2, maxQueue: 5 });
    const responses = [new FakeResponse(), new FakeResponse(), new FakeResponse()];
    const started: number[] = [];
    responses.forEach((res, i) => gate.handle(search(), res as never, () => started.push(i)));
    expect(started).toEqual([0, 1]);
    expect(gate.waiting()).toBe(1);
    responses[0]!.end("svar");
    expect(started).toEqual([0, 1, 2]);
    expect(gate.active()).toBe(2);
  });

  it("answers 429 with a Swedish page and Retry-After when the queue is full", () => {
    const gate = createSearchGate({ concurrency: 1, maxQueue: 1 });
    gate.handle(search(), new FakeResponse() as never, () => undefined);
    gate.handle(search(), new FakeResponse() as never, () => undefined);
    const refused = new FakeResponse();
    const next = vi.fn();
    gate.handle(search(), refused as never, next);
    expect(next).not.toHaveBeenCalled();
    expect(refused.status).toBe(429);
    expect(refused.headers["retry-after"]).toBe("5");
    expect(refused.headers["cache-control"]).toBe("no-store");
    expect(refused.body).toContain("Många söker just nu");
    expect(refused.body).toContain('lang="sv"');
    expect(gate.stats.refused).toBe(1);
  });

  it("answers 429 to a search that waited its longest in vain, and forgets it", () => {
    vi.useFakeTimers();
    const gate = createSearchGate({ concurrency: 1, maxQueue: 10, maxWaitMs: 3000 });
    const first = new FakeResponse();
    gate.handle(search(), first as never, () => undefined);
    const waiting = new FakeResponse();
    const next = vi.fn();
    gate.handle(search(), waiting as never, next);
    vi.advanceTimersByTime(2999);
    expect(waiting.status).toBe(0);
    vi.advanceTimersByTime(1);
    expect(waiting.status).toBe(429);
    first.end();
    expect(next).not.toHaveBeenCalled();
    expect(gate.active()).toBe(0);
  });

  it("frees the place of a searcher who hangs up while waiting, and the slot of one who hangs up inside", () => {
    const gate = createSearchGate({ concurrency: 1, maxQueue: 10 });
    const inside = new FakeResponse();
    gate.handle(search(), inside as never, () => undefined);
    const gaveUp = new FakeResponse();
    const next = vi.fn();
    gate.handle(search(), gaveUp as never, next);
    gaveUp.emit("close");
    expect(gate.waiting()).toBe(0);
    inside.emit("close");
    expect(gate.active()).toBe(0);
    expect(next).not.toHaveBeenCalled();
  });

  it("starts no more than `ratePerSecond` searches a second, and the held ones as the rate allows", () => {
    vi.useFakeTimers();
    const gate = createSearchGate({ concurrency: 10, maxQueue: 10, ratePerSecond: 2, now: () => Date.now() });
    const started: number[] = [];
    for (let i = 0; i < 4; i++) gate.handle(search(), new FakeResponse() as never, () => started.push(i));
    expect(started).toEqual([0, 1]);
    expect(gate.waiting()).toBe(2);
    vi.advanceTimersByTime(499);
    expect(started).toEqual([0, 1]);
    vi.advanceTimersByTime(1);
    expect(started).toEqual([0, 1, 2]);
    vi.advanceTimersByTime(500);
    expect(started).toEqual([0, 1, 2, 3]);
    expect(gate.waiting()).toBe(0);
    // A quiet second fills the bucket again, to one second's worth and no more.
    vi.advanceTimersByTime(5_000);
    for (let i = 4; i < 7; i++) gate.handle(search(), new FakeResponse() as never, () => started.push(i));
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("answers 429 to a search the rate holds back longer than its longest wait", () => {
    vi.useFakeTimers();
    const gate = createSearchGate({ concurrency: 10, maxQueue: 10, maxWaitMs: 300, ratePerSecond: 1, now: () => Date.now() });
    gate.handle(search(), new FakeResponse() as never, () => undefined);
    const held = new FakeResponse();
    const next = vi.fn();
    gate.handle(search(), held as never, next);
    vi.advanceTimersByTime(300);
    expect(held.status).toBe(429);
    vi.advanceTimersByTime(1_000);
    expect(next).not.toHaveBeenCalled();
    expect(gate.waiting()).toBe(0);
  });

  it("lets one search start at a time when a worker's share of the rate is below one a second", () => {
    vi.useFakeTimers();
    const gate = createSearchGate({ concurrency: 10, ratePerSecond: 0.5, now: () => Date.now() });
    const started: number[] = [];
    for (let i = 0; i < 2; i++) gate.handle(search(), new FakeResponse() as never, () => started.push(i));
    expect(started).toEqual([0]);
    vi.advanceTimersByTime(2_000);
    expect(started).toEqual([0, 1]);
  });

  it("with a rate of 0 limits only how many at once", () => {
    const gate = createSearchGate({ concurrency: 100, ratePerSecond: 0 });
    const next = vi.fn();
    for (let i = 0; i < 50; i++) gate.handle(search(), new FakeResponse() as never, next);
    expect(next).toHaveBeenCalledTimes(50);
  });

  it("escapes the address it offers to try again", () => {
    const page = busyPage('/sok?q="><script>alert(1)</script>', 5);
    expect(page).not.toContain("<script>");
    expect(page).toContain("&#34;&#62;&#60;script&#62;");
    expect(busyPage("//evil.example/", 5)).toContain('href="/sok"');
  });

  it("reads its limits from the environment and refuses nonsense", () => {
    expect(searchGateOptions({})).toEqual({ concurrency: 2, maxQueue: 64, maxWaitMs: 3000, ratePerSecond: 10 });
    // The instance's rate, shared among its worker processes.
    expect(searchGateOptions({ SEARCH_RATE: "12" }, 4).ratePerSecond).toBe(3);
    expect(searchGateOptions({ SEARCH_CONCURRENCY: "4", SEARCH_QUEUE: "0", SEARCH_WAIT_MS: "500", SEARCH_RATE: "0" })).toEqual({
      concurrency: 4,
      maxQueue: 0,
      maxWaitMs: 500,
      ratePerSecond: 0,
    });
    expect(() => searchGateOptions({ SEARCH_RATE: "-1" })).toThrow(/SEARCH_RATE/);
    expect(() => searchGateOptions({ SEARCH_CONCURRENCY: "0" })).toThrow(/SEARCH_CONCURRENCY/);
    expect(() => searchGateOptions({ SEARCH_WAIT_MS: "lång" })).toThrow(/SEARCH_WAIT_MS/);
  });
});
