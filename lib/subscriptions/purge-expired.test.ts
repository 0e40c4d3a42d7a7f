import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimits, subscribers, subscriptionConfirmations, subscriptionConsents } from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/testing";
import { CONFIRMATION_TTL_MS, CONSENT_VERSION } from "./consent";
import { purgeExpiredSubscriptionData } from "./purge-expired";
import { sha256 } from "./tokens";

const NOW = new Date("2026-03-29T01:30:00Z"); // the night summer time starts: nothing here may care
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

async function subscriber(email: string, createdDaysAgo: number, confirmed: boolean, confirmations: { createdDaysAgo: number; used?: boolean }[]) {
  const [row] = await t.db
    .insert(subscribers)
    .values({ email, createdAt: ago(createdDaysAgo), confirmedAt: confirmed ? ago(createdDaysAgo) : null })
    .returning();
  for (const [i, c] of confirmations.entries()) {
    await t.db.insert(subscriptionConfirmations).values({
      subscriberId: row!.id,
      tokenHash: sha256(`${email}-${i}`),
      publicationIds: [],
      consentVersion: CONSENT_VERSION,
      method: "form",
      createdAt: ago(c.createdDaysAgo),
      expiresAt: new Date(ago(c.createdDaysAgo).getTime() + CONFIRMATION_TTL_MS),
      usedAt: c.used ? ago(c.createdDaysAgo) : null,
    });
  }
  if (confirmed)
    await t.db
      .insert(subscriptionConsents)
      .values({ subscriberId: row!.id, publicationIds: [], consentVersion: CONSENT_VERSION, method: "form", requestedAt: ago(createdDaysAgo), confirmedAt: ago(createdDaysAgo) });
  return row!.id;
}

describe("purgeExpiredSubscriptionData", () => {
  it("deletes what a subscription no longer needs and nothing else", async () => {
    const never = await subscriber("aldrig@exempel.test", 8, false, [{ createdDaysAgo: 8 }]);
    const waiting = await subscriber("vantar@exempel.test", 0, false, [{ createdDaysAgo: 0 }]);
    const askedAgain = await subscriber("igen@exempel.test", 9, false, [{ createdDaysAgo: 9 }, { createdDaysAgo: 1 }]);
    const confirmed = await subscriber("bekraftad@exempel.test", 30, true, [
      { createdDaysAgo: 30, used: true },
      { createdDaysAgo: 3, used: true },
    ]);
    await t.db.insert(rateLimits).values([
      { key: "subscribe-ip:10.0.0.1", windowStart: ago(2), count: 20 },
      { key: "subscribe-email:abc", windowStart: ago(0.5), count: 1 },
      { key: "email:someone@exempel.test", windowStart: ago(30), count: 3 },
    ]);

    const result = await purgeExpiredSubscriptionData(t.db, NOW);

    const left = new Set((await t.db.select({ id: subscribers.id }).from(subscribers)).map((row) => row.id));
    expect(left).toEqual(new Set([waiting, askedAgain, confirmed]));
    expect(left.has(never)).toBe(false);
    // The confirmed person's consent stays; of their confirmations, only the one spent within a week of its expiry.
    expect(await t.db.select().from(subscriptionConsents).where(eq(subscriptionConsents.subscriberId, confirmed))).toHaveLength(1);
    expect(await t.db.select().from(subscriptionConfirmations).where(eq(subscriptionConfirmations.subscriberId, confirmed))).toHaveLength(1);
    // The expired first request of the one who asked again is two days past its expiry: kept (a week), as is the new one.
    expect(await t.db.select().from(subscriptionConfirmations).where(eq(subscriptionConfirmations.subscriberId, askedAgain))).toHaveLength(2);
    // Log-in counters are not ours to delete.
    expect((await t.db.select().from(rateLimits)).map((row) => row.key).sort()).toEqual(["email:someone@exempel.test", "subscribe-email:abc"]);
    expect(result).toEqual({ pending: 1, confirmations: 1, counters: 1 });

    // Five and a half days on, that first request is a week past its expiry; the person still waits on the second.
    expect(await purgeExpiredSubscriptionData(t.db, new Date(NOW.getTime() + 5.5 * DAY))).toMatchObject({ confirmations: 1, pending: 0 });
    expect(await t.db.select().from(subscriptionConfirmations).where(eq(subscriptionConfirmations.subscriberId, askedAgain))).toHaveLength(1);
  });
});
