import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endedSessions, users } from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/testing";
import { SESSION_MAX_AGE_SECONDS } from "./base-config";
import { endSession, endSessions, pruneEndedSessions, sessionUser } from "./sessions";

let t: TestDb;
let userId: string;
beforeAll(async () => {
  t = await createTestDb();
  const [user] = await t.db.insert(users).values({ email: "eva@kommun.test", name: "Eva", role: "redaktor", passwordHash: "x" }).returning();
  userId = user!.id;
});
afterAll(() => t.close());

const session = () => ({ userId, sessionId: crypto.randomUUID(), sessionVersion: 0 });

describe("sessions", () => {
  it("a session issued before 'Logga ut' is refused after it, while the user's other sessions go on", async () => {
    const office = session();
    const phone = session();
    expect(await sessionUser(t.db, office)).toMatchObject({ id: userId, email: "eva@kommun.test", role: "redaktor" });
    await endSession(t.db, office.sessionId);
    expect(await sessionUser(t.db, office)).toBeNull();
    expect(await sessionUser(t.db, phone)).toMatchObject({ id: userId });
    // Logging out twice (two tabs) is no error.
    await endSession(t.db, office.sessionId);
  });

  it("endSessions ends every session from before it, and a new log-in carries the new version", async () => {
    const [before] = await t.db.select().from(users).where(eq(users.id, userId));
    const old = { ...session(), sessionVersion: before!.sessionVersion };
    await endSessions(t.db, userId);
    expect(await sessionUser(t.db, old)).toBeNull();
    const [after] = await t.db.select().from(users).where(eq(users.id, userId));
    expect(after!.sessionVersion).toBe(before!.sessionVersion + 1);
    expect(await sessionUser(t.db, { ...session(), sessionVersion: after!.sessionVersion })).toMatchObject({ id: userId });
  });

  it("refuses a deactivated user, an unknown user and a cookie without the session claims", async () => {
    const [user] = await t.db.select().from(users).where(eq(users.id, userId));
    const current = { ...session(), sessionVersion: user!.sessionVersion };
    await t.db.update(users).set({ active: false }).where(eq(users.id, userId));
    expect(await sessionUser(t.db, current)).toBeNull();
    await t.db.update(users).set({ active: true }).where(eq(users.id, userId));
    expect(await sessionUser(t.db, current)).not.toBeNull();
    expect(await sessionUser(t.db, { ...current, userId: crypto.randomUUID() })).toBeNull();
    expect(await sessionUser(t.db, { userId })).toBeNull();
    expect(await sessionUser(t.db, { ...current, sessionId: "inte-ett-id" })).toBeNull();
  });

  it("keeps an ended session until its cookie would have expired anyway", async () => {
    const now = new Date("2026-03-02T08:00:00Z");
    const sessionId = crypto.randomUUID();
    await endSession(t.db, sessionId, now);
    const expires = new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000);
    expect(await pruneEndedSessions(t.db, new Date(expires.getTime() - 1000))).toBe(0);
    expect(await pruneEndedSessions(t.db, new Date(expires.getTime() + 1000))).toBeGreaterThanOrEqual(1);
    expect(await t.db.select().from(endedSessions).where(eq(endedSessions.sessionId, sessionId))).toEqual([]);
  });
});
