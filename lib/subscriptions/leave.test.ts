import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditLog,
  mailDeliveries,
  mailEditions,
  mailMessages,
  newsletterIssues,
  subscriberPublications,
  subscriberSuppressions,
  subscribers,
  subscriptionConsents,
} from "@/db/schema";
import { seededDemo } from "@/db/testing/actors";
import { createTestDb, type TestDb } from "@/db/testing";
import type { CurrentUser } from "@/lib/auth/session";
import { confirmSubscription } from "./confirm-subscription";
import { deleteSubscriber } from "./delete-subscriber";
import { emailHash } from "./email";
import { importSubscribers } from "./import-subscribers";
import { requestSubscription } from "./request-subscription";
import { unsubscribe } from "./unsubscribe";

let t: TestDb;
let newsletterId: string, blogId: string;
let skribent: CurrentUser, redaktor: CurrentUser;

beforeAll(async () => {
  t = await createTestDb();
  ({ newsletterId, blogId, skribent, redaktor } = await seededDemo(t.db));
});
afterAll(() => t.close());

const confirmMails = (email: string) =>
  t.db
    .select()
    .from(mailMessages)
    .where(and(eq(mailMessages.to, email), eq(mailMessages.kind, "subscription.confirm")));
const tokenIn = (text: string) => /\/prenumerera\/bekrafta\/([A-Za-z0-9_-]+)/.exec(text)![1]!;
const rowOf = async (email: string) => (await t.db.select().from(subscribers).where(eq(subscribers.email, email)))[0];
const suppressed = async (email: string) =>
  (
    await t.db
      .select()
      .from(subscriberSuppressions)
      .where(eq(subscriberSuppressions.emailHash, emailHash(email)))
  ).length > 0;

/** Subscribes through the real request and confirmation, as a resident would. */
async function subscribed(email: string, publicationIds = [newsletterId, blogId]) {
  const result = await requestSubscription(t.db, { email, publicationIds, method: "form", ip: null });
  expect(result).toEqual({ ok: true, outcome: "sent" });
  const mails = await confirmMails(email);
  expect((await confirmSubscription(t.db, tokenIn(mails.at(-1)!.text))).ok).toBe(true);
  return (await rowOf(email))!;
}

const csv = (text: string) => new TextEncoder().encode(text);

describe("leaving", () => {
  it("leaving everything deletes the person, keeps an anonymous delivery row and a suppression", async () => {
    const person = await subscribed("lamnar@exempelby.se");
    const [issue] = await t.db.select({ id: newsletterIssues.id }).from(newsletterIssues).limit(1);
    const [edition] = await t.db.insert(mailEditions).values({ issueId: issue!.id, publicationId: newsletterId, subject: "x", html: "x", text: "x" }).returning();
    const [delivery] = await t.db
      .insert(mailDeliveries)
      .values({ editionId: edition!.id, subscriberId: person.id, status: "failed", lastError: "550 lamnar@exempelby.se: no such user" })
      .returning();

    expect(await unsubscribe(t.db, person.id)).toEqual({ left: "all" });
    expect(await rowOf("lamnar@exempelby.se")).toBeUndefined();
    expect(await t.db.select().from(subscriptionConsents).where(eq(subscriptionConsents.subscriberId, person.id))).toHaveLength(0);
    expect(await t.db.select().from(subscriberPublications).where(eq(subscriberPublications.subscriberId, person.id))).toHaveLength(0);
    expect(await suppressed("lamnar@exempelby.se")).toBe(true);
    const [kept] = await t.db.select().from(mailDeliveries).where(eq(mailDeliveries.id, delivery!.id));
    expect(kept).toMatchObject({ subscriberId: null, lastError: null, status: "failed" });
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "subscriber.left"), eq(auditLog.entityId, person.id)));
    expect(JSON.stringify(audit)).not.toContain("lamnar");
    expect(await unsubscribe(t.db, person.id)).toEqual({ left: "all" });

    // An import never asks them again; their own request and confirmation does.
    const counts = await importSubscribers(t.db, redaktor, { bytes: csv("lamnar@exempelby.se\n"), publicationIds: [newsletterId] });
    expect(counts).toMatchObject({ suppressed: 1, requested: 0 });
    expect(await confirmMails("lamnar@exempelby.se")).toHaveLength(1);
    const again = await subscribed("lamnar@exempelby.se", [newsletterId]);
    expect(again.confirmedAt).not.toBeNull();
    expect(await suppressed("lamnar@exempelby.se")).toBe(false);
  });

  it("keeping some publications removes only the others", async () => {
    const person = await subscribed("behaller@exempelby.se");
    expect(await unsubscribe(t.db, person.id, { keepPublicationIds: [blogId] })).toEqual({ left: "some", keptPublicationIds: [blogId] });
    const followed = await t.db.select().from(subscriberPublications).where(eq(subscriberPublications.subscriberId, person.id));
    expect(followed.map((row) => row.publicationId)).toEqual([blogId]);
    expect(await suppressed("behaller@exempelby.se")).toBe(false);
    // Someone else's publication id in the list keeps nothing extra.
    expect(await unsubscribe(t.db, person.id, { keepPublicationIds: [newsletterId] })).toEqual({ left: "all" });
  });
});

describe("staff erasure", () => {
  it("deletes one person's data on request, logging that it happened and not whom", async () => {
    const person = await subscribed("radera@exempelby.se");
    await expect(deleteSubscriber(t.db, skribent, person.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await rowOf("radera@exempelby.se")).toBeDefined();
    await deleteSubscriber(t.db, redaktor, person.id);
    expect(await rowOf("radera@exempelby.se")).toBeUndefined();
    expect(await suppressed("radera@exempelby.se")).toBe(true);
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, "subscriber.deleted"));
    expect(audit?.actorId).toBe(redaktor.id);
    expect(JSON.stringify(audit)).not.toContain("radera@");
    await expect(deleteSubscriber(t.db, redaktor, person.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("import", () => {
  it("asks each valid address to confirm, and counts invalid, duplicate, suppressed and confirmed rows", async () => {
    await subscribed("redan@exempelby.se", [newsletterId]);
    await t.db.insert(subscriberSuppressions).values({ emailHash: emailHash("nej@exempelby.se") });
    const file = [
      "Namn;E-post",
      "Anna;anna.import@exempelby.se",
      "Bo;BO.IMPORT@exempelby.se",
      "Anna igen;Anna.Import@Exempelby.se",
      "Trasig;inte-en-adress",
      "Stoppad;nej@exempelby.se",
      "Redan;redan@exempelby.se",
      'Injektion;"x@y.se\r\nBcc: alla@exempelby.se"',
    ].join("\r\n");
    const counts = await importSubscribers(t.db, redaktor, { bytes: csv(`\uFEFF${file}`), publicationIds: [newsletterId] });
    expect(counts).toEqual({ requested: 2, alreadySubscribed: 1, pending: 0, suppressed: 1, invalid: 2, duplicates: 1, limited: 0 });
    expect(await confirmMails("anna.import@exempelby.se")).toHaveLength(1);
    expect(await confirmMails("nej@exempelby.se")).toHaveLength(0);
    // Asked, not subscribed: the import itself follows nothing for anyone.
    expect((await rowOf("anna.import@exempelby.se"))?.confirmedAt).toBeNull();
    const [mail] = await confirmMails("bo.import@exempelby.se");
    expect(mail?.text).toMatch(/tidigare lista/);
  });

  it("takes the first column when no column is named, and refuses what is not a CSV", async () => {
    expect(await importSubscribers(t.db, redaktor, { bytes: csv("forsta@exempelby.se,Namn\nandra@exempelby.se,Namn\n"), publicationIds: [blogId] })).toMatchObject({
      requested: 2,
    });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0xff, 0xfe]);
    await expect(importSubscribers(t.db, redaktor, { bytes: png, publicationIds: [newsletterId] })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringMatching(/inte en CSV-fil/),
    });
    await expect(importSubscribers(t.db, redaktor, { bytes: csv("hej\nhopp\n"), publicationIds: [newsletterId] })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(importSubscribers(t.db, skribent, { bytes: csv("x@exempelby.se\n"), publicationIds: [newsletterId] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await confirmMails("x@exempelby.se")).toHaveLength(0);
  });
});
