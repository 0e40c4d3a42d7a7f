import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listPlacements } from "@/lib/editorial/placement";
import { auditLog, contentItems, jobs, newsletterIssues } from "@/db/schema";
import { seededDemo } from "@/db/testing/actors";
import { createTestDb, type TestDb } from "@/db/testing";
import type { CurrentUser } from "@/lib/auth/session";
import { doc, h, p } from "@/lib/content/build";
import { slugFromTitle } from "@/lib/content/slug";
import { currentIssueHash, transitionIssue } from "@/lib/workflow/services/issue-workflow";
import { transitionItem } from "@/lib/workflow/services/item-workflow";
import type { WorkflowStatus } from "@/lib/workflow/labels";
import { createText } from "./create-text";
import { saveText } from "./save-text";

let t: TestDb;
let skribent: CurrentUser, redaktor: CurrentUser, utgivare: CurrentUser, newsletterId: string;
let nextNumber = 1;

beforeAll(async () => {
  t = await createTestDb();
  ({ skribent, redaktor, utgivare, newsletterId } = await seededDemo(t.db));
});
afterAll(() => t.close());

const issueRow = async (id: string) => (await t.db.select().from(newsletterIssues).where(eq(newsletterIssues.id, id)))[0]!;

/** An issue with one finished article, taken through the real workflow to `status`. */
async function issueIn(status: "draft" | "in_review" | "approved" | "scheduled") {
  const [issue] = await t.db.insert(newsletterIssues).values({ publicationId: newsletterId, year: 2033, number: nextNumber++, createdBy: redaktor.id }).returning();
  const title = `Artikel ${issue!.number}`;
  const { id } = await createText(t.db, skribent, { publicationId: newsletterId, issueId: issue!.id, title });
  await saveText(t.db, skribent, {
    id,
    baseVersion: 1,
    title,
    lead: "Ingress.",
    slug: slugFromTitle(title),
    tags: [],
    coverMediaId: null,
    body: doc(h(2, "Bakgrund"), p("Text.")),
  });
  const step = async (actor: CurrentUser, action: "submit" | "approve" | "schedule", extra: Record<string, string> = {}) =>
    transitionIssue(t.db, actor, { id: issue!.id, action, contentHash: await currentIssueHash(t.db, await issueRow(issue!.id)), ...extra });
  if (status !== "draft") {
    await transitionItem(t.db, skribent, { id, action: "submit" });
    await step(redaktor, "submit");
  }
  if (status === "approved" || status === "scheduled") await step(utgivare, "approve");
  if (status === "scheduled") await step(utgivare, "schedule", { scheduledAt: new Date(Date.now() + 7 * 86_400_000).toISOString() });
  expect((await issueRow(issue!.id)).status).toBe(status);
  return issue!.id;
}

/** Everything a wrongly accepted article would change: the issue row, its articles, its jobs, the log. */
async function snapshot(issueId: string) {
  const [articles] = await t.db.select({ n: count() }).from(contentItems).where(eq(contentItems.issueId, issueId));
  const [voided] = await t.db
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.entityId, issueId), eq(auditLog.action, "issue.approval_voided")));
  const pending = await t.db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.kind, "publish.issue"), eq(jobs.status, "pending"), sql`${jobs.payload} @> ${JSON.stringify({ issueId })}::jsonb`));
  const issue = await issueRow(issueId);
  return {
    issue: { status: issue.status, version: issue.version, approvedBy: issue.approvedBy, approvedContentHash: issue.approvedContentHash, scheduledAt: issue.scheduledAt },
    articles: articles!.n,
    voided: voided!.n,
    pendingPublishJobs: pending.length,
  };
}

describe("createText into a newsletter issue", () => {
  it.each(["in_review", "approved", "scheduled"] as const)("refuses a skribent's article in an issue that is %s and changes nothing", async (status) => {
    const issueId = await issueIn(status);
    const before = await snapshot(issueId);
    const attempt = createText(t.db, skribent, { publicationId: newsletterId, issueId, title: "Smygtillägg" });
    await expect(attempt).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/^Numret (granskas|är godkänt|är schemalagt)\. Bara den som sätter ihop nummer kan lägga till artiklar i det nu\.$/),
      fieldErrors: { issueId: [expect.stringContaining("Bara den som sätter ihop nummer")] },
    });
    expect(await snapshot(issueId)).toEqual(before);
    if (status !== "in_review") expect(before.issue.approvedBy).toBe(utgivare.id);
    if (status === "scheduled") expect(before).toMatchObject({ issue: { scheduledAt: expect.any(Date) }, pendingPublishJobs: 1 });
  });

  it.each([
    ["redaktor", "approved"],
    ["utgivare", "scheduled"],
    ["redaktor", "in_review"],
  ] as const)("lets a %s, who manages issues, add an article to an issue that is %s (voiding any approval)", async (role, status) => {
    const actor = role === "redaktor" ? redaktor : utgivare;
    const issueId = await issueIn(status);
    await createText(t.db, actor, { publicationId: newsletterId, issueId, title: "Sent tillägg" });
    const after = await snapshot(issueId);
    expect(after.articles).toBe(2);
    if (status === "in_review") expect(after.issue.status).toBe("in_review");
    else expect(after).toMatchObject({ issue: { status: "draft", approvedBy: null, scheduledAt: null }, voided: 1, pendingPublishJobs: 0 });
  });

  it("accepts a skribent's article in a draft issue", async () => {
    const issueId = await issueIn("draft");
    await createText(t.db, skribent, { publicationId: newsletterId, issueId, title: "Ett till" });
    expect((await snapshot(issueId)).articles).toBe(2);
  });

  it("offers on 'Ny text' exactly the issues createText accepts", async () => {
    const ids = {} as Record<"draft" | "in_review" | "approved" | "scheduled", string>;
    for (const status of ["draft", "in_review", "approved", "scheduled"] as const) ids[status] = await issueIn(status);
    const offered = async (actor: CurrentUser) => {
      const values = new Set((await listPlacements(t.db, actor)).map((option) => option.value.split(":")[1]));
      return (Object.keys(ids) as (keyof typeof ids)[]).filter((status) => values.has(ids[status]));
    };
    expect(await offered(skribent)).toEqual(["draft"]);
    expect(await offered(redaktor)).toEqual(["draft", "in_review", "approved", "scheduled"]);
    // Issues past the writers' stage say so, and come after every other option: the preselected
    // first option never undoes a decision.
    const options = await listPlacements(t.db, redaktor);
    const approved = options.findIndex((o) => o.value.endsWith(ids.approved));
    expect(options[approved]!.label).toMatch(/ \(godkänt – en ny artikel upphäver godkännandet\)$/);
    expect(options.find((o) => o.value.endsWith(ids.scheduled))!.label).toMatch(/\(schemalagt – en ny artikel upphäver godkännandet och schemat\)$/);
    expect(options.find((o) => o.value.endsWith(ids.draft))!.label).toMatch(/^Artikel i .*, nummer \d+ 2033$/);
    const firstLocked = options.findIndex((o) => o.label.endsWith(")"));
    expect(options.slice(firstLocked).every((o) => o.label.endsWith(")"))).toBe(true);
    expect(options.some((o) => o.label.startsWith("Blogginlägg i"))).toBe(true);
    const published: WorkflowStatus = "published";
    await t.db.update(newsletterIssues).set({ status: published, publishedAt: new Date() }).where(eq(newsletterIssues.id, ids.draft));
    expect(await offered(utgivare)).toEqual(["in_review", "approved", "scheduled"]);
  });
});
