import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginAttempts, users } from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/testing";
import { authenticate } from "./authenticate";
import { hashPassword } from "./password";
import { isBlocked, LOGIN_WINDOW_MS, MAX_FAILURES_PER_EMAIL, recordLoginFailure } from "./rate-limit";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  const passwordHash = await hashPassword("rätt-lösenord-123");
  await t.db.insert(users).values([
    { email: "eva@kommun.test", name: "Eva", role: "redaktor", passwordHash },
    { email: "slutat@kommun.test", name: "Slutat", role: "skribent", passwordHash, active: false },
  ]);
});
afterAll(() => t.close());

describe("authenticate", () => {
  it("accepts the right password, whatever the case of the e-mail", async () => {
    const result = await authenticate(t.db, { email: "  EVA@kommun.test ", password: "rätt-lösenord-123" }, null);
    expect(result).toMatchObject({ ok: true, user: { email: "eva@kommun.test", role: "redaktor" } });
  });

  it("gives the same answer for a wrong password, an unknown account and an inactive account", async () => {
    const answers = await Promise.all([
      authenticate(t.db, { email: "eva@kommun.test", password: "fel" }, null),
      authenticate(t.db, { email: "okand@kommun.test", password: "fel" }, null),
      authenticate(t.db, { email: "slutat@kommun.test", password: "rätt-lösenord-123" }, null),
      authenticate(t.db, { email: "inte en adress", password: "x" }, null),
    ]);
    expect(answers).toEqual(Array(4).fill({ ok: false, reason: "invalid" }));
  });

  it("blocks an address after too many failures, even with the right password, for unknown accounts too", async () => {
    await t.db.delete(loginAttempts);
    for (const email of ["eva@kommun.test", "okand2@kommun.test"]) {
      for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) await authenticate(t.db, { email, password: "fel" }, "10.0.0.1");
      expect(await authenticate(t.db, { email, password: "rätt-lösenord-123" }, "10.0.0.2")).toEqual({
        ok: false,
        reason: "rate_limited",
      });
    }
  });

  it("clears the count after a successful log-in", async () => {
    await t.db.delete(loginAttempts);
    await authenticate(t.db, { email: "eva@kommun.test", password: "fel" }, null);
    await authenticate(t.db, { email: "eva@kommun.test", password: "rätt-lösenord-123" }, null);
    expect(await t.db.select().from(loginAttempts).where(eq(loginAttempts.key, "email:eva@kommun.test"))).toEqual([]);
  });

  it("starts a new window once the old one has run out", async () => {
    await t.db.delete(loginAttempts);
    const then = new Date("2026-01-01T10:00:00Z");
    for (let i = 0; i < 3; i++) await recordLoginFailure(t.db, "x@kommun.test", null, then);
    await recordLoginFailure(t.db, "x@kommun.test", null, new Date(then.getTime() + LOGIN_WINDOW_MS + 1000));
    const [row] = await t.db.select().from(loginAttempts);
    expect(row!.failures).toBe(1);
  });
});

describe("isBlocked", () => {
  const now = new Date("2026-01-01T10:00:00Z");
  it.each([
    [undefined, false],
    [{ windowStart: now, failures: 4 }, false],
    [{ windowStart: now, failures: 5 }, true],
    [{ windowStart: new Date(now.getTime() - LOGIN_WINDOW_MS), failures: 50 }, false],
  ])("%o → %s", (record, expected) => {
    expect(isBlocked(record, 5, now)).toBe(expected);
  });
});
