import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailMessages, subscribers } from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/testing";
import { HIDDEN_LINK, listOutbox, OUTBOX_PAGE_SIZE } from "@/lib/mail/outbox";
import { unsubscribeUrl } from "@/lib/subscriptions/tokens";
import { prepareEdition } from "./edition";
import { editionMessageForViewer } from "./outbox-view";
import { runSender } from "./send";
import { addSubscribers, fakeRender, publishedIssue } from "./testing/fixtures";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

describe("the outbox with an issue sent to 10,000 subscribers", () => {
  it("pages 50 at a time, each page following on from the last, and shows each message personalized", async () => {
    const { publicationId, issueId } = await publishedIssue(t.db);
    await addSubscribers(t.db, publicationId, 10_000, { prefix: "manga" });
    await prepareEdition(t.db, { issueId }, fakeRender());
    expect(await runSender(t.db, null, { batchSize: 500, budgetMs: 120_000 })).toMatchObject({ sent: 10_000 });

    const first = await listOutbox(t.db, 1);
    const second = await listOutbox(t.db, 2);
    const last = await listOutbox(t.db, first.pageCount);
    expect(first.total).toBe(10_000);
    expect(first.pageCount).toBe(200);
    expect(first.rows).toHaveLength(OUTBOX_PAGE_SIZE);
    expect(second.rows).toHaveLength(OUTBOX_PAGE_SIZE);
    expect(last.rows).toHaveLength(OUTBOX_PAGE_SIZE);
    // Newest first with the id as tie-breaker: page 2 starts right after page 1 ends, nothing twice.
    const key = (r: { createdAt: Date; id: string }) => [r.createdAt.getTime(), r.id] as const;
    const [lastTime, lastId] = key(first.rows.at(-1)!);
    const [nextTime, nextId] = key(second.rows[0]!);
    expect(nextTime < lastTime || (nextTime === lastTime && nextId < lastId)).toBe(true);
    const ids = new Set([...first.rows, ...second.rows].map((r) => r.id));
    expect(ids.size).toBe(2 * OUTBOX_PAGE_SIZE);
    const [{ n }] = ((await t.db.execute(sql`select count(distinct ${mailMessages.to})::int as n from ${mailMessages}`)) as unknown as { rows: [{ n: number }] }).rows;
    expect(n).toBe(10_000);

    const message = (await t.db.select().from(mailMessages).limit(1))[0]!;
    const [subscriber] = await t.db
      .select()
      .from(subscribers)
      .where(sql`${subscribers.email} = ${message.to}`);
    const link = unsubscribeUrl(subscriber!.id);
    const own = (await editionMessageForViewer(t.db, message, message.to))!;
    expect(own.text).toContain(link);
    expect(own.html).toContain(`href="${link}"`);
    expect(own.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    const staff = (await editionMessageForViewer(t.db, message, "redaktor@exempelby.test"))!;
    expect(staff.text).toContain(HIDDEN_LINK);
    expect(JSON.stringify(staff)).not.toContain(link);
    expect(staff.text).toContain("https://exempelby.example/nyhetsbrev/2026/12");
  }, 120_000);
});
