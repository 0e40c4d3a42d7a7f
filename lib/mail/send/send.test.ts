import { and, eq, sql } from "drizzle-orm";
import { simpleParser, type ParsedMail } from "mailparser";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditLog, mailDeliveries, mailEditions, mailMessages, subscribers } from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/testing";
import { seededDemo } from "@/db/testing/actors";
import { unsubscribeUrl } from "@/lib/subscriptions/tokens";
import { cancelEditionSend, prepareEdition } from "./edition";
import { MAX_SEND_ATTEMPTS } from "../policy";
import { resendUnknown } from "./requeue";
import { runSender, sendDueDeliveries, sweepAbandonedClaims } from "./send";
import { addSubscribers, anotherIssue, fakeRender, publishedIssue } from "./testing/fixtures";
import { startSmtpSink, type SmtpSink } from "./testing/smtp-sink";
import { pooledSmtpTransport } from "../transport";

let t: TestDb;
let demo: Awaited<ReturnType<typeof seededDemo>>;
beforeAll(async () => {
  t = await createTestDb();
  demo = await seededDemo(t.db);
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.db.delete(mailEditions);
  await t.db.delete(subscribers);
});

const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);
const statuses = async (editionId: string) =>
  Object.fromEntries(
    (
      await t.db
        .select({ status: mailDeliveries.status, n: sql<number>`count(*)::int` })
        .from(mailDeliveries)
        .where(eq(mailDeliveries.editionId, editionId))
        .groupBy(mailDeliveries.status)
    ).map((r) => [r.status, r.n]),
  );
const subscriberByEmail = async (email: string) => (await t.db.select().from(subscribers).where(eq(subscribers.email, email)))[0]!;

async function withSink<T>(options: Parameters<typeof startSmtpSink>[0], run: (sink: SmtpSink) => Promise<T>): Promise<T> {
  const sink = await startSmtpSink(options);
  try {
    return await run(sink);
  } finally {
    await sink.close();
  }
}

describe("an issue to its subscribers over real SMTP", () => {
  it("reaches every confirmed subscriber exactly once, personalized, and no one else", async () => {
    const { publicationId, issueId } = await publishedIssue(t.db, 101);
    await addSubscribers(t.db, publicationId, 7, { prefix: "bekraftad" });
    await addSubscribers(t.db, publicationId, 1, { prefix: "vantande", confirmed: false });
    await addSubscribers(t.db, publicationId, 1, { prefix: "pausad", paused: true });
    await addSubscribers(t.db, publicationId, 1, { prefix: "avslutad", following: false });
    const render = fakeRender();
    const prepared = await prepareEdition(t.db, { issueId }, render);
    expect(prepared?.queued).toBe(7);
    // The job again (a retry, a second publication): nothing new, no second render.
    expect(await prepareEdition(t.db, { issueId }, render)).toBeNull();
    expect(render.calls).toBe(1);

    await withSink({}, async (sink) => {
      const transport = pooledSmtpTransport(sink.url, 3);
      const first = await runSender(t.db, transport, { batchSize: 3 });
      expect(first).toMatchObject({ sent: 7, failed: 0, retried: 0, unknown: 0 });
      expect(await runSender(t.db, transport)).toMatchObject({ claimed: 0, sent: 0 });
      expect(await prepareEdition(t.db, { issueId }, render)).toBeNull();
      expect(await runSender(t.db, transport)).toMatchObject({ claimed: 0 });

      const recipients = sink.messages.flatMap((m) => m.to).sort();
      expect(recipients).toEqual(Array.from({ length: 7 }, (_, i) => `bekraftad${i + 1}@exempelby.test`).sort());
      for (const message of sink.messages) {
        const parsed: ParsedMail = await simpleParser(message.raw!);
        const subscriber = await subscriberByEmail(message.to[0]!);
        const link = unsubscribeUrl(subscriber.id);
        expect(parsed.subject).toBe("Nyhetsbrev för Exempelby kommun, nummer 12 2026");
        expect(parsed.text).toContain(`Avsluta prenumerationen: ${link}`);
        expect(parsed.html).toContain(`href="${link}"`);
        expect(parsed.html).toContain('href="https://exempelby.example/nyhetsbrev/2026/12"');
        expect(String(parsed.html) + parsed.text).not.toContain("kommunbladet.invalid");
        // Raw header lines, unfolded: mailparser regroups List-* headers into its own shape.
        const header = (name: string) =>
          parsed.headerLines
            .find((h) => h.key === name)
            ?.line.replace(/\r\n\s+/g, " ")
            .slice(name.length + 1)
            .trim();
        expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
        expect(header("list-unsubscribe")).toMatch(new RegExp(`^<${link.replace(/[.?]/g, "\\$&")}>, <mailto:avsluta@localhost\\?subject=Avsluta%20[^>]+>$`));
        const [delivery] = await t.db.select().from(mailDeliveries).where(eq(mailDeliveries.subscriberId, subscriber.id));
        expect(parsed.messageId).toBe(`<${delivery!.id}@localhost>`);
        expect(delivery).toMatchObject({ status: "sent", attempts: 1 });
      }
    });
  });

  it("retries a 4xx reply later and then delivers exactly one copy", async () => {
    const { publicationId, issueId } = await publishedIssue(t.db, 102);
    await addSubscribers(t.db, publicationId, 2, { prefix: "grålistad" });
    const edition = (await prepareEdition(t.db, { issueId }, fakeRender()))!;
    const refused = new Set<string>();
    await withSink({ refuse: (address) => (address.startsWith("grålistad1@") && !refused.has(address) ? (refused.add(address), 451) : null) }, async (sink) => {
      const transport = pooledSmtpTransport(sink.url);
      expect(await sendDueDeliveries(t.db, transport)).toMatchObject({ sent: 1, retried: 1 });
      const [waiting] = await t.db
        .select()
        .from(mailDeliveries)
        .where(and(eq(mailDeliveries.editionId, edition.editionId), eq(mailDeliveries.status, "queued")));
      expect(waiting!.lastError).toContain("Försök igen senare");
      expect(waiting!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 50_000);
      // Not due yet: nothing happens now; a minute later it goes.
      expect(await sendDueDeliveries(t.db, transport)).toMatchObject({ claimed: 0 });
      expect(await sendDueDeliveries(t.db, transport, { now: later(2) })).toMatchObject({ sent: 1 });
      expect(sink.messages.filter((m) => m.to[0] === "grålistad1@exempelby.test")).toHaveLength(1);
      expect(await statuses(edition.editionId)).toEqual({ sent: 2 });
    });
  });

  it("gives up after five temporary failures", async () => {
    const { publicationId, issueId } = await publishedIssue(t.db, 103);
    await addSubscribers(t.db, publicationId, 1, { prefix: "alltidsenare" });
    const edition = (await prepareEdition(t.db, { issueId }, fakeRender()))!;
    await withSink({ refuse: () => 421 }, async (sink) => {
      const transport = pooledSmtpTransport(sink.url);
      for (let i = 1; i <= MAX_SEND_ATTEMPTS; i++) await sendDueDeliveries(t.db, transport, { now: later(20 * i) });
      expect(await statuses(edition.editionId)).toEqual({ failed: 1 });
      expect(sink.messages).toHaveLength(0);
    });
  });

  it("fails a 5xx at once with its reason, and pauses an address after three in a row", async () => {
    const { publicationId, issueId } = await publishedIssue(t.db, 104);
    await addSubscribers(t.db, publicationId, 1, { prefix: "okand" });
    await addSubscribers(t.db, publicationId, 1, { prefix: "finns" });
    await withSink({ refuse: (address) => (address.startsWith("okand") ? 550 : null) }, async (sink) => {
      const transport = pooledSmtpTransport(sink.url);
      const issues = [issueId, await anotherIssue(t.db, publicationId, 105), await anotherIssue(t.db, publicationId, 106), await anotherIssue(t.db, publicationId, 107)];
      for (const [i, id] of issues.slice(0, 3).entries()) {
        const edition = (await prepareEdition(t.db, { issueId: id }, fakeRender()))!;
        expect(edition.queued).toBe(2);
        await runSender(t.db, transport);
        const [failed] = await t.db
          .select()
          .from(mailDeliveries)
          .where(and(eq(mailDeliveries.editionId, edition.editionId), eq(mailDeliveries.status, "failed")));
        expect(failed!.lastError).toContain("Okänd mottagare");
        expect(failed!.attempts).toBe(1);
        expect((await subscriberByEmail("okand1@exempelby.test")).permanentFailures).toBe(i + 1);
      }
      expect((await subscriberByEmail("okand1@exempelby.test")).pausedAt).not.toBeNull();
      expect((await prepareEdition(t.db, { issueId: issues[3]! }, fakeRender()))!.queued).toBe(1);
      await runSender(t.db, transport);
      expect(sink.messages.map((m) => m.to[0])).toEqual(Array(4).fill("finns1@exempelby.test"));
    });
  });

  it("resets the count of permanent failures on a success", async () => {
    const { publicationId, issueId } = await publishedIssue(t.db, 108);
    await addSubscribers(t.db, publicationId, 1, { prefix: "ibland" });
    await t.db.update(subscribers).set({ permanentFailures: 2 });
    await prepareEdition(t.db, { issueId }, fakeRender());
    await withSink({}, async (sink) => {
      await runSender(t.db, pooledSmtpTransport(sink.url));
    });
    expect((await subscriberByEmail("ibland1@exempelby.test")).permanentFailures).toBe(0);
  });

  it("stops when the issue is withdrawn mid-send", async () => {
    const { publicationId, issueId } = await publishedIssue(t.db, 109);
    await addSubscribers(t.db, publicationId, 30, { prefix: "mitti" });
    const edition = (await prepareEdition(t.db, { issueId }, fakeRender()))!;
    await withSink({}, async (sink) => {
      const transport = pooledSmtpTransport(sink.url);
      await sendDueDeliveries(t.db, transport, { batchSize: 10 });
      expect(await t.db.transaction((tx) => cancelEditionSend(tx, { issueId }, new Date()))).toBe(20);
      expect(await runSender(t.db, transport)).toMatchObject({ claimed: 0 });
      expect(sink.messages).toHaveLength(10);
      expect(await statuses(edition.editionId)).toEqual({ sent: 10, cancelled: 20 });
      // A republish after the withdrawal finds the edition: nothing is sent again.
      expect(await prepareEdition(t.db, { issueId }, fakeRender())).toBeNull();
    });
  });

  it("does not send to someone who left after the edition was queued", async () => {
    const { publicationId, issueId } = await publishedIssue(t.db, 110);
    await addSubscribers(t.db, publicationId, 2, { prefix: "lamnar" });
    const edition = (await prepareEdition(t.db, { issueId }, fakeRender()))!;
    await t.db.delete(subscribers).where(eq(subscribers.email, "lamnar1@exempelby.test"));
    await withSink({}, async (sink) => {
      expect(await runSender(t.db, pooledSmtpTransport(sink.url))).toMatchObject({ sent: 1, skipped: 1 });
      expect(sink.messages.map((m) => m.to[0])).toEqual(["lamnar2@exempelby.test"]);
    });
    expect(await statuses(edition.editionId)).toEqual({ sent: 1, cancelled: 1 });
  });
});

describe("a worker that died mid-send", () => {
  it("leaves 'Okänt utfall', which only the utgivare may send again, audited", async () => {
    const { publicationId, issueId } = await publishedIssue(t.db, 111);
    await addSubscribers(t.db, publicationId, 3, { prefix: "krasch" });
    const edition = (await prepareEdition(t.db, { issueId }, fakeRender()))!;
    // A claim by a process on this host that no longer runs.
    await t.db
      .update(mailDeliveries)
      .set({ status: "sending", claimedBy: "dod-vard:4242:abc", claimedAt: new Date(), attempts: 1 })
      .where(eq(mailDeliveries.editionId, edition.editionId));
    // Another host's recent claim might still be in flight: it stands until the stale timeout.
    expect(await sweepAbandonedClaims(t.db)).toBe(0);
    expect(await sweepAbandonedClaims(t.db, { now: later(11) })).toBe(3);
    expect(await statuses(edition.editionId)).toEqual({ unknown: 3 });
    await withSink({}, async (sink) => {
      expect(await runSender(t.db, pooledSmtpTransport(sink.url))).toMatchObject({ claimed: 0 });
      await expect(resendUnknown(t.db, demo.redaktor, edition.editionId)).rejects.toMatchObject({ code: "FORBIDDEN" });
      expect(await resendUnknown(t.db, demo.utgivare, edition.editionId)).toEqual({ requeued: 3 });
      const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, "edition.resent"));
      expect(audit).toMatchObject({ entityId: issueId, actorId: demo.utgivare.id });
      expect(await runSender(t.db, pooledSmtpTransport(sink.url))).toMatchObject({ sent: 3 });
      expect(sink.messages).toHaveLength(3);
    });
  });
});

describe("without SMTP", () => {
  it("puts each delivery in the outbox with its headers, pointing at the edition", async () => {
    const { publicationId, issueId } = await publishedIssue(t.db, 112);
    await addSubscribers(t.db, publicationId, 3, { prefix: "utkorg" });
    const edition = (await prepareEdition(t.db, { issueId }, fakeRender()))!;
    expect(await runSender(t.db, null)).toMatchObject({ sent: 3 });
    expect(await runSender(t.db, null)).toMatchObject({ claimed: 0 });
    const rows = await t.db.select().from(mailMessages).where(eq(mailMessages.editionId, edition.editionId));
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      const subscriber = await subscriberByEmail(row.to);
      expect(row).toMatchObject({ status: "outbox", kind: "newsletter.issue", text: "", html: null });
      expect(row.headers?.["List-Unsubscribe"]).toContain(unsubscribeUrl(subscriber.id));
    }
    expect(await statuses(edition.editionId)).toEqual({ sent: 3 });
  });
});
