import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { loginAttempts, users } from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/testing";
import { authenticate } from "./authenticate";
import { rateLimitedMessage } from "./messages";
import { hashPassword } from "./password";
import { addressKey, delayAfter, FREE_ATTEMPTS_PER_EMAIL, LOGIN_WINDOW_MS, MAX_ATTEMPTS_PER_IP, MAX_DELAY_MS, pruneLoginAttempts } from "./rate-limit";

// Counts the password checks: the limits are about how many guesses reach one.
const checks = vi.hoisted(() => ({ count: 0 }));
vi.mock("./password", async (importOriginal) => {
  const original = await importOriginal<typeof import("./password")>();
  return {
    ...original,
    verifyPassword: (stored: string | null, password: string) => {
      checks.count++;
      return original.verifyPassword(stored, password);
    },
  };
});

const RIGHT = "rätt-lösenord-123";
const T0 = new Date("2026-03-02T08:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  const passwordHash = await hashPassword(RIGHT);
  await t.db.insert(users).values([
    { email: "eva@kommun.test", name: "Eva", role: "redaktor", passwordHash },
    { email: "kommunchef@kommun.test", name: "Karin", role: "utgivare", passwordHash },
    { email: "slutat@kommun.test", name: "Slutat", role: "skribent", passwordHash, active: false },
  ]);
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.db.delete(loginAttempts);
  checks.count = 0;
});

const reasonOf = (result: Awaited<ReturnType<typeof authenticate>>) => (result.ok ? "ok" : result.reason);
const logIn = (email: string, password: string, when: Date, ip: string | null = null) => authenticate(t.db, { email, password }, ip, when);

describe("authenticate", () => {
  it("accepts the right password, whatever the case of the e-mail, and gives the session version", async () => {
    const result = await authenticate(t.db, { email: "  EVA@kommun.test ", password: RIGHT }, null);
    expect(result).toMatchObject({ ok: true, user: { email: "eva@kommun.test", role: "redaktor", sessionVersion: 0 } });
  });

  it("gives the same answer for a wrong password, an unknown account and an inactive account", async () => {
    const answers = await Promise.all([
      authenticate(t.db, { email: "eva@kommun.test", password: "fel" }, null),
      authenticate(t.db, { email: "okand@kommun.test", password: "fel" }, null),
      authenticate(t.db, { email: "slutat@kommun.test", password: RIGHT }, null),
      authenticate(t.db, { email: "inte en adress", password: "x" }, null),
    ]);
    expect(answers).toEqual(Array(4).fill({ ok: false, reason: "invalid" }));
  });

  it("lets only the first few of many parallel guesses at one account reach the password check", async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => logIn("eva@kommun.test", `gissning-${i}`, T0)));
    expect(checks.count).toBe(FREE_ATTEMPTS_PER_EMAIL);
    expect(answers.filter((a) => reasonOf(a) === "invalid")).toHaveLength(FREE_ATTEMPTS_PER_EMAIL);
    expect(answers.filter((a) => reasonOf(a) === "rate_limited")).toHaveLength(12 - FREE_ATTEMPTS_PER_EMAIL);
  });

  it("lets no more than the per-client limit of parallel guesses at many accounts through", async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => logIn(`person${i}@kommun.test`, "fel", T0, "198.51.100.9")));
    expect(checks.count).toBe(MAX_ATTEMPTS_PER_IP);
    expect(answers.filter((a) => reasonOf(a) === "rate_limited")).toEqual(
      Array(40 - MAX_ATTEMPTS_PER_IP).fill({ ok: false, reason: "rate_limited", retryAt: at(LOGIN_WINDOW_MS) }),
    );
  });

  it("makes each attempt after the free ones wait twice as long as the one before", async () => {
    let now = T0;
    for (let i = 0; i < FREE_ATTEMPTS_PER_EMAIL; i++) expect(await logIn("eva@kommun.test", "fel", now)).toEqual({ ok: false, reason: "invalid" });
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      const refused = await logIn("eva@kommun.test", "fel", now);
      if (refused.ok || refused.reason !== "rate_limited") throw new Error(`expected a wait, got ${reasonOf(refused)}`);
      waits.push((refused.retryAt.getTime() - now.getTime()) / 1000);
      now = refused.retryAt;
      expect(await logIn("eva@kommun.test", "fel", now)).toEqual({ ok: false, reason: "invalid" });
    }
    expect(waits).toEqual([1, 2, 4, 8, 16]);
    expect(checks.count).toBe(FREE_ATTEMPTS_PER_EMAIL + 5);
  });

  it("refuses the right password during the wait just as a wrong one, and the kommunchef logs in once it is over", async () => {
    const chef = "kommunchef@kommun.test";
    // Someone guesses at the kommunchef's account on purpose, and keeps trying during the wait.
    for (let i = 0; i < 12; i++) await logIn(chef, "fel", T0, `203.0.113.${i}`);
    const [row] = await t.db
      .select()
      .from(loginAttempts)
      .where(eq(loginAttempts.key, `email:${chef}`));
    const retryAt = row!.notBefore!;
    expect(retryAt).toEqual(at(delayAfter(FREE_ATTEMPTS_PER_EMAIL)));

    const wrong = await logIn(chef, "fel", at(500));
    const right = await logIn(chef, RIGHT, at(500));
    expect(right).toEqual(wrong);
    expect(right).toEqual({ ok: false, reason: "rate_limited", retryAt });
    // Attempts during the wait do not make it longer.
    const [after] = await t.db
      .select()
      .from(loginAttempts)
      .where(eq(loginAttempts.key, `email:${chef}`));
    expect(after!.notBefore).toEqual(retryAt);

    expect(await logIn(chef, RIGHT, retryAt)).toMatchObject({ ok: true, user: { email: chef } });
    expect(
      await t.db
        .select()
        .from(loginAttempts)
        .where(eq(loginAttempts.key, `email:${chef}`)),
    ).toEqual([]);
  });

  it("never makes an account wait longer than the cap, however many guesses came before", async () => {
    await t.db.insert(loginAttempts).values({ key: "email:eva@kommun.test", windowStart: T0, failures: 500, notBefore: T0 });
    expect(await logIn("eva@kommun.test", "fel", T0)).toEqual({ ok: false, reason: "invalid" });
    expect(await logIn("eva@kommun.test", RIGHT, T0)).toEqual({ ok: false, reason: "rate_limited", retryAt: at(MAX_DELAY_MS) });
    expect(await logIn("eva@kommun.test", RIGHT, at(MAX_DELAY_MS))).toMatchObject({ ok: true });
  });

  it("delays unknown accounts the same way, so the wait does not tell which accounts exist", async () => {
    for (const email of ["eva@kommun.test", "okand2@kommun.test"]) {
      for (let i = 0; i < FREE_ATTEMPTS_PER_EMAIL; i++) await logIn(email, "fel", T0, "10.0.0.1");
      expect(await logIn(email, RIGHT, T0, "10.0.0.2")).toEqual({ ok: false, reason: "rate_limited", retryAt: at(1000) });
    }
  });

  it("clears the account's count after a successful log-in, and gives the client address its attempt back", async () => {
    await logIn("eva@kommun.test", "fel", T0, "10.0.0.1");
    await logIn("eva@kommun.test", RIGHT, T0, "10.0.0.1");
    expect(await t.db.select().from(loginAttempts).where(eq(loginAttempts.key, "email:eva@kommun.test"))).toEqual([]);
    const [ip] = await t.db.select().from(loginAttempts).where(eq(loginAttempts.key, "ip:10.0.0.1"));
    expect(ip!.failures).toBe(1);
  });

  it("forgets an account's attempts a window after its last wait ended", async () => {
    for (let i = 0; i < FREE_ATTEMPTS_PER_EMAIL; i++) await logIn("eva@kommun.test", "fel", T0);
    const later = at(delayAfter(FREE_ATTEMPTS_PER_EMAIL) + LOGIN_WINDOW_MS);
    for (let i = 0; i < FREE_ATTEMPTS_PER_EMAIL; i++) expect(await logIn("eva@kommun.test", "fel", later)).toEqual({ ok: false, reason: "invalid" });
    expect(await logIn("eva@kommun.test", "fel", later)).toMatchObject({ reason: "rate_limited" });
  });
});

describe("pruneLoginAttempts", () => {
  it("deletes only the rows that no longer count", async () => {
    await t.db.insert(loginAttempts).values([
      { key: "ip:192.0.2.1", windowStart: at(-LOGIN_WINDOW_MS - 1000), failures: 3 },
      { key: "ip:192.0.2.2", windowStart: at(-1000), failures: 3 },
      { key: "email:gammal@kommun.test", windowStart: at(-2 * LOGIN_WINDOW_MS), failures: 9, notBefore: at(-LOGIN_WINDOW_MS - 1000) },
      { key: "email:vantar@kommun.test", windowStart: at(-2 * LOGIN_WINDOW_MS), failures: 14, notBefore: at(-60_000) },
    ]);
    expect(await pruneLoginAttempts(t.db, T0)).toBe(2);
    const left = await t.db.select({ key: loginAttempts.key }).from(loginAttempts);
    expect(left.map((r) => r.key).sort()).toEqual(["email:vantar@kommun.test", "ip:192.0.2.2"]);
  });
});

describe("delayAfter", () => {
  it("is nothing for the free attempts, then doubles up to the cap", () => {
    expect([1, 4, 5, 6, 7, 14, 15, 100].map(delayAfter)).toEqual([0, 0, 1000, 2000, 4000, 512_000, MAX_DELAY_MS, MAX_DELAY_MS]);
  });
});

describe("addressKey", () => {
  it("is the address for IPv4 and the /64 for IPv6, where one client has many addresses", () => {
    expect(addressKey("198.51.100.9")).toBe("ip:198.51.100.9");
    expect(addressKey("2001:db8:1:2:aaaa::1")).toBe("ip:2001:db8:1:2::/64");
    expect(addressKey("2001:db8:1:2::bbbb")).toBe("ip:2001:db8:1:2::/64");
    expect(addressKey("2001:db8::1")).toBe("ip:2001:db8:0:0::/64");
    expect(addressKey("::1")).toBe("ip:0:0:0:0::/64");
  });
});

describe("rateLimitedMessage", () => {
  it.each([
    [1_000, "Vänta en sekund"],
    [16_000, "Vänta 16 sekunder"],
    [60_000, "Vänta en minut"],
    [61_000, "Vänta 2 minuter"],
    [MAX_DELAY_MS, "Vänta 15 minuter"],
  ])("%i ms → %s", (wait, expected) => {
    expect(rateLimitedMessage(at(wait), T0)).toBe(`För många misslyckade inloggningsförsök. ${expected} och försök sedan igen.`);
  });
});
