import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findConfirmation } from "@/db/queries/subscribers";
import { auditLog, mailMessages, rateLimits, subscriberPublications, subscriberSuppressions, subscribers, subscriptionConfirmations, subscriptionConsents } from "@/db/schema";
import { seededDemo } from "@/db/testing/actors";
import { createTestDb, type TestDb } from "@/db/testing";
import { confirmSubscription } from "./confirm-subscription";
import { CONSENT_VERSION } from "./consent";
import { emailHash } from "./email";
import { requestSubscription, type SubscriptionRequest } from "./request-subscription";
import { sha256 } from "./tokens";

let t: TestDb;
let newsletterId: string, blogId: string;
const T0 = new Date("2026-12-01T09:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

beforeAll(async () => {
  t = await createTestDb();
  ({ newsletterId, blogId } = await seededDemo(t.db));
});
afterAll(() => t.close());

let ipCounter = 0;
/** Each test its own client address, so the per-IP limit is only met where a test means to meet it. */
const request = (email: string, extra: Partial<SubscriptionRequest> = {}) =>
  requestSubscription(t.db, { email, publicationIds: [newsletterId], method: "form", ip: `10.0.0.${++ipCounter}`, now: T0, ...extra });

async function mailsTo(email: string) {
  return t.db
    .select()
    .from(mailMessages)
    .where(and(eq(mailMessages.to, email), eq(mailMessages.kind, "subscription.confirm")));
}

function tokenIn(text: string): string {
  const match = /\/prenumerera\/bekrafta\/([A-Za-z0-9_-]+)/.exec(text);
  if (!match) throw new Error(`no confirmation link in: ${text}`);
  return match[1]!;
}

const subscriberRow = async (email: string) => (await t.db.select().from(subscribers).where(eq(subscribers.email, email)))[0];

describe("subscribing", () => {
  it("mails one confirmation with a working link and subscribes nobody until it is posted", async () => {
    expect(await request(" Ny.Person@Exempelby.se ")).toEqual({ ok: true, outcome: "sent" });
    const mails = await mailsTo("ny.person@exempelby.se");
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toMatch(/Bekräfta/);
    expect(mails[0]!.text).toMatch(/Nyhetsbrev|nyhetsbrev/i);
    expect(mails[0]!.html).toContain("Bekräfta prenumeration");
    const token = tokenIn(mails[0]!.text);
    // Only the hash is stored; the link's page finds the request by it.
    expect(await t.db.select().from(subscriptionConfirmations).where(eq(subscriptionConfirmations.tokenHash, token))).toHaveLength(0);
    expect(await findConfirmation(t.db, sha256(token))).toMatchObject({ email: "ny.person@exempelby.se", publicationIds: [newsletterId], usedAt: null });

    const row = await subscriberRow("ny.person@exempelby.se");
    expect(row?.confirmedAt).toBeNull();
    expect(await t.db.select().from(subscriberPublications).where(eq(subscriberPublications.subscriberId, row!.id))).toHaveLength(0);

    const confirmed = await confirmSubscription(t.db, token, minutes(5));
    expect(confirmed.ok).toBe(true);
    const after = await subscriberRow("ny.person@exempelby.se");
    expect(after?.confirmedAt).toEqual(minutes(5));
    expect(await t.db.select().from(subscriberPublications).where(eq(subscriberPublications.subscriberId, row!.id))).toHaveLength(1);
    const [consent] = await t.db.select().from(subscriptionConsents).where(eq(subscriptionConsents.subscriberId, row!.id));
    expect(consent).toMatchObject({ publicationIds: [newsletterId], consentVersion: CONSENT_VERSION, method: "form", requestedAt: T0, confirmedAt: minutes(5) });
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "subscriber.confirmed"), eq(auditLog.entityId, row!.id)));
    expect(audit?.actorId).toBeNull();
    expect(JSON.stringify(audit)).not.toContain("ny.person");

    // Single use: the second POST of the same link changes nothing.
    expect(await confirmSubscription(t.db, token, minutes(6))).toEqual({ ok: false, problem: "used" });
    expect(await t.db.select().from(subscriptionConsents).where(eq(subscriptionConsents.subscriberId, row!.id))).toHaveLength(1);
  });

  it("answers a new, a pending and a confirmed address alike, and mails only what is new", async () => {
    const fresh = await request("lika@exempelby.se");
    const pending = await request("lika@exempelby.se", { now: minutes(1) });
    expect(fresh).toEqual({ ok: true, outcome: "sent" });
    expect(pending).toEqual({ ok: true, outcome: "pending" });
    await confirmSubscription(t.db, tokenIn((await mailsTo("lika@exempelby.se"))[0]!.text), minutes(2));
    const confirmed = await request("lika@exempelby.se", { now: minutes(20) });
    expect(confirmed).toEqual({ ok: true, outcome: "already_subscribed" });
    for (const result of [fresh, pending, confirmed]) expect(result.ok).toBe(true);
    expect(await mailsTo("lika@exempelby.se")).toHaveLength(1);

    // Asking for a blog as well (the next day: three requests a day per address): only the blog is asked.
    expect(await request("lika@exempelby.se", { publicationIds: [newsletterId, blogId], now: minutes(24 * 60 + 30) })).toEqual({ ok: true, outcome: "sent" });
    const mails = await mailsTo("lika@exempelby.se");
    expect(mails).toHaveLength(2);
    const requests = await Promise.all(mails.map((m) => findConfirmation(t.db, sha256(tokenIn(m.text)))));
    expect(requests.filter((r) => !r?.usedAt).map((r) => r?.publicationIds)).toEqual([[blogId]]);
  });

  it("mails a pending address at most once per ten minutes", async () => {
    await request("vantar@exempelby.se");
    expect(await request("vantar@exempelby.se", { now: minutes(9) })).toEqual({ ok: true, outcome: "pending" });
    expect(await mailsTo("vantar@exempelby.se")).toHaveLength(1);
    expect(await request("vantar@exempelby.se", { now: minutes(11) })).toEqual({ ok: true, outcome: "sent" });
    expect(await mailsTo("vantar@exempelby.se")).toHaveLength(2);
  });

  it("refuses a client past 20 requests an hour, and an address past 3 a day, sending nothing", async () => {
    const ip = "192.0.2.77";
    for (let i = 0; i < 20; i++) {
      expect((await request(`ip${i}@exempelby.se`, { ip, now: minutes(i) })).ok).toBe(true);
    }
    expect(await request("ip-over@exempelby.se", { ip, now: minutes(30) })).toEqual({ ok: false, code: "rate_limited" });
    expect(await mailsTo("ip-over@exempelby.se")).toHaveLength(0);
    expect(await subscriberRow("ip-over@exempelby.se")).toBeUndefined();
    // A new window an hour after the first request.
    expect((await request("ip-over@exempelby.se", { ip, now: minutes(61) })).ok).toBe(true);

    for (const at of [0, 11, 22]) expect((await request("tre@exempelby.se", { now: minutes(at) })).ok).toBe(true);
    expect(await request("tre@exempelby.se", { now: minutes(40) })).toEqual({ ok: false, code: "rate_limited" });
    expect(await mailsTo("tre@exempelby.se")).toHaveLength(3);
    expect((await request("tre@exempelby.se", { now: minutes(24 * 60 + 1) })).ok).toBe(true);
    // The limits table keys the address by its hash, never by the address.
    const keys = (await t.db.select({ key: rateLimits.key }).from(rateLimits)).map((row) => row.key);
    expect(keys).toContain(`subscribe-email:${emailHash("tre@exempelby.se")}`);
    expect(keys.join()).not.toContain("tre@");
  });

  it("refuses bad input with a code, storing and sending nothing", async () => {
    expect(await request("inte en adress")).toEqual({ ok: false, code: "syntax" });
    expect(await request("a@b.se\r\nBcc: x@y.se")).toEqual({ ok: false, code: "control" });
    expect(await request(`${"a".repeat(10_000)}@x.se`)).toEqual({ ok: false, code: "too_long" });
    expect(await request("ok@exempelby.se", { publicationIds: [] })).toEqual({ ok: false, code: "publication" });
    expect(await request("ok@exempelby.se", { publicationIds: ["00000000-0000-4000-8000-000000000000"] })).toEqual({ ok: false, code: "publication" });
    expect(await subscriberRow("ok@exempelby.se")).toBeUndefined();
  });

  it("refuses an expired link and an unknown one, with a way to ask again", async () => {
    await request("sen@exempelby.se");
    const token = tokenIn((await mailsTo("sen@exempelby.se"))[0]!.text);
    expect(await confirmSubscription(t.db, token, minutes(7 * 24 * 60 + 1))).toEqual({ ok: false, problem: "expired" });
    expect((await subscriberRow("sen@exempelby.se"))?.confirmedAt).toBeNull();
    expect(await confirmSubscription(t.db, "x".repeat(43))).toEqual({ ok: false, problem: "unknown" });
    expect(await confirmSubscription(t.db, "'; drop table subscribers; --")).toEqual({ ok: false, problem: "unknown" });
    // Asking again after expiry sends a fresh link that works.
    await request("sen@exempelby.se", { now: minutes(7 * 24 * 60 + 2) });
    const mails = await mailsTo("sen@exempelby.se");
    expect(mails).toHaveLength(2);
    const fresh = mails.map((m) => tokenIn(m.text)).find((x) => x !== token)!;
    expect((await confirmSubscription(t.db, fresh, minutes(7 * 24 * 60 + 3))).ok).toBe(true);
  });

  it("lets the person's own confirmed request lift their suppression", async () => {
    await t.db.insert(subscriberSuppressions).values({ emailHash: emailHash("tillbaka@exempelby.se") });
    expect(await request("tillbaka@exempelby.se")).toEqual({ ok: true, outcome: "sent" });
    await confirmSubscription(t.db, tokenIn((await mailsTo("tillbaka@exempelby.se"))[0]!.text), minutes(1));
    expect(
      await t.db
        .select()
        .from(subscriberSuppressions)
        .where(eq(subscriberSuppressions.emailHash, emailHash("tillbaka@exempelby.se"))),
    ).toHaveLength(0);
  });
});
