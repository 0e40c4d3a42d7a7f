import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailMessages, newsletterIssues } from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/testing";
import { seededDemo } from "@/db/testing/actors";
import { AppError } from "@/lib/errors";
import { sendTestEdition } from "./send-test-edition";

let t: TestDb;
let demo: Awaited<ReturnType<typeof seededDemo>>;
let issueId: string;

beforeAll(async () => {
  t = await createTestDb();
  demo = await seededDemo(t.db);
  const [issue] = await t.db.select({ id: newsletterIssues.id }).from(newsletterIssues).where(eq(newsletterIssues.publicationId, demo.newsletterId)).limit(1);
  issueId = issue!.id;
}, 60_000);
afterAll(() => t.close());

describe("Skicka provutskick", () => {
  it("queues the issue, marked as a test, to the sender's own address only", async () => {
    const before = await t.db.select().from(mailMessages);
    expect(await sendTestEdition(t.db, demo.redaktor, { issueId })).toEqual({ to: demo.redaktor.email });
    const after = await t.db.select().from(mailMessages).where(eq(mailMessages.kind, "newsletter.test"));
    expect(after).toHaveLength(1);
    const [mail] = after;
    expect(mail!.to).toBe(demo.redaktor.email);
    expect(mail!.subject).toMatch(/^\[Provutskick\] Nyhetsbrev för .+, nummer \d+ \d{4}/);
    expect(mail!.html).toContain("Detta är ett provutskick");
    expect(mail!.text).toContain("Läs på webben");
    // The placeholder never leaves: the test's unsubscribe link is the subscribe page.
    expect(mail!.html).not.toContain("kommunbladet.invalid");
    expect(mail!.text).toContain("/prenumerera");
    expect((await t.db.select().from(mailMessages)).length).toBe(before.length + 1);
  });

  it("is refused to a skribent and for an unknown or malformed issue", async () => {
    await expect(sendTestEdition(t.db, demo.skribent, { issueId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(sendTestEdition(t.db, demo.redaktor, { issueId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(sendTestEdition(t.db, demo.redaktor, { issueId: "'; drop table mail_messages; --" })).rejects.toBeInstanceOf(AppError);
    const tests = await t.db
      .select()
      .from(mailMessages)
      .where(and(eq(mailMessages.kind, "newsletter.test"), eq(mailMessages.to, demo.skribent.email)));
    expect(tests).toHaveLength(0);
  });
});
