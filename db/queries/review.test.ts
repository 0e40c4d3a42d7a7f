import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentItems, newsletterIssues } from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/testing";
import { seededDemo } from "@/db/testing/actors";
import { listReviewQueue } from "./review";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seededDemo(t.db);
});
afterAll(() => t.close());

describe("listReviewQueue", () => {
  it("lists the texts sent for review with who sent them and when, and no drafts", async () => {
    const { texts } = await listReviewQueue(t.db);
    expect(texts.map((text) => text.title)).toEqual(["Tankar inför budgetarbetet"]);
    expect(texts[0]!.submittedBy).toBeTruthy();
    expect(texts[0]!.submittedAt).toBeInstanceOf(Date);
  });

  it("lists an issue under review as one entry, not its articles one by one", async () => {
    const [draftIssue] = await t.db.select().from(newsletterIssues).where(eq(newsletterIssues.status, "draft"));
    await t.db.update(newsletterIssues).set({ status: "in_review", submittedAt: new Date() }).where(eq(newsletterIssues.id, draftIssue!.id));
    await t.db.update(contentItems).set({ status: "in_review" }).where(eq(contentItems.issueId, draftIssue!.id));
    const { texts, issues } = await listReviewQueue(t.db);
    expect(issues.map((issue) => issue.id)).toEqual([draftIssue!.id]);
    expect(texts.map((text) => text.title)).toEqual(["Tankar inför budgetarbetet"]);
  });
});
