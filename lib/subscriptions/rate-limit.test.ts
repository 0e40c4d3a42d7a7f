import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/db/testing";
import { takeRateLimit } from "./rate-limit";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

const T0 = new Date("2026-12-01T10:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

describe("takeRateLimit", () => {
  it("allows the limit within a window, refuses the next, and starts over when the window has passed", async () => {
    const rule = { key: "test:a", limit: 3, windowMs: 60_000 };
    expect(await takeRateLimit(t.db, rule, at(0))).toBe(true);
    expect(await takeRateLimit(t.db, rule, at(10_000))).toBe(true);
    expect(await takeRateLimit(t.db, rule, at(20_000))).toBe(true);
    expect(await takeRateLimit(t.db, rule, at(30_000))).toBe(false);
    // Refused hits count too, and the window is fixed from its first hit, not sliding.
    expect(await takeRateLimit(t.db, rule, at(59_999))).toBe(false);
    expect(await takeRateLimit(t.db, rule, at(60_000))).toBe(true);
    expect(await takeRateLimit(t.db, rule, at(61_000))).toBe(true);
  });

  it("keeps keys apart", async () => {
    const one = { key: "test:one", limit: 1, windowMs: 60_000 };
    const two = { key: "test:two", limit: 1, windowMs: 60_000 };
    expect(await takeRateLimit(t.db, one, T0)).toBe(true);
    expect(await takeRateLimit(t.db, two, T0)).toBe(true);
    expect(await takeRateLimit(t.db, one, T0)).toBe(false);
  });

  it("counts hits that arrive at once exactly (one upsert each, no read-then-write)", async () => {
    const rule = { key: "test:burst", limit: 5, windowMs: 60_000 };
    const results = await Promise.all(Array.from({ length: 8 }, () => takeRateLimit(t.db, rule, T0)));
    expect(results.filter(Boolean)).toHaveLength(5);
  });
});
