import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listTextsWithoutIssue } from "@/db/queries/editorial";
import { auditLog, contentItems, newsletterIssues, revisions } from "@/db/schema";
import { seededDemo } from "@/db/testing/actors";
import { createTestDb, type TestDb } from "@/db/testing";
import type { CurrentUser } from "@/lib/auth/session";
import { doc, h, p } from "@/lib/content/build";
import { slugFromTitle } from "@/lib/content/slug";
import { loadIssue } from "@/lib/issues/load-issue";
import { currentIssueHash, transitionIssue } from "@/lib/workflow/services/issue-workflow";
import { transitionItem } from "@/lib/workflow/services/item-workflow";
import { createText } from "../editorial/create-text";
import { isMovable, placeText, statusAfterMove } from "./place-text";
import { saveText } from "../editorial/save-text";

let t: TestDb;
let skribent: CurrentUser, redaktor: CurrentUser, utgivare: CurrentUser, newsletterId: string, blogId: string;
let nextNumber = 1;

beforeAll(async () => {
  t = await createTestDb();
  ({ skribent, redaktor, utgivare, newsletterId, blogId } = await seededDemo(t.db));
});
afterAll(() => t.close());

const issueRow = async (id: string) => (await t.db.select().from(newsletterIssues).where(eq(newsletterIssues.id, id)))[0]!;
const itemRow = async (id: string) => (await t.db.select().from(contentItems).where(eq(contentItems.id, id)))[0]!;

async function newIssue() {
  const [issue] = await t.db.insert(newsletterIssues).values({ publicationId: newsletterId, year: 2031, number: nextNumber++, createdBy: redaktor.id }).returning();
  return issue!.id;
}

/** A finished article by the skribent in `issueId` (or in no issue). */
async function article(issueId: string | null, title: string) {
  const { id } = await createText(t.db, skribent, { publicationId: newsletterId, issueId, title });
  await saveText(t.db, skribent, {
    id,
    baseVersion: 1,
    title,
    lead: "Ingress.",
    slug: slugFromTitle(title),
    tags: [],
    coverMediaId: null,
    body: doc(h(2, "Bakgrund"), p("Skribentens text.")),
  });
  return id;
}

const submitted = (id: string) => transitionItem(t.db, skribent, { id, action: "submit" });
const issueStep = async (id: string, actor: CurrentUser, action: "submit" | "approve") =>
  transitionIssue(t.db, actor, { id, action, contentHash: await currentIssueHash(t.db, await issueRow(id)) });

describe("placeText", () => {
  it("takes an article out of its issue and keeps the writer's text, as an unplaced draft", async () => {
    const issueId = await newIssue();
    const first = await article(issueId, "Första artikeln");
    const second = await article(issueId, "Andra artikeln");
    const version = (await issueRow(issueId)).version;
    await placeText(t.db, redaktor, { id: first, to: { kind: "out" }, seen: { issueId, version } });

    const item = await itemRow(first);
    expect(item).toMatchObject({ issueId: null, publicationId: newsletterId, kind: "article", status: "draft" });
    const words = await t.db.select().from(revisions).where(eq(revisions.itemId, first));
    expect(words.at(-1)?.body).toEqual(doc(h(2, "Bakgrund"), p("Skribentens text.")));
    expect((await loadIssue(t.db, issueId))!.articles.map((a) => [a.id, a.position])).toEqual([[second, 0]]);
    expect((await issueRow(issueId)).version).toBe(version + 1);
    expect((await listTextsWithoutIssue(t.db)).map((x) => x.id)).toContain(first);
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, issueId), eq(auditLog.action, "issue.article_taken_out")));
    expect(audit).toHaveLength(1);
  });

  it("refuses a page that shows an older version of the issue", async () => {
    const issueId = await newIssue();
    const id = await article(issueId, "Artikel på en gammal sida");
    const version = (await issueRow(issueId)).version;
    await expect(placeText(t.db, redaktor, { id, to: { kind: "out" }, seen: { issueId, version: version - 1 } })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await itemRow(id)).issueId).toBe(issueId);
  });

  it("moves an article to another issue, last, with a free address, and adds an existing text to an issue", async () => {
    const from = await newIssue();
    const to = await newIssue();
    const already = await article(to, "Samma rubrik");
    const moving = await article(from, "Samma rubrik");
    await placeText(t.db, redaktor, { id: moving, to: { kind: "issue", issueId: to } });
    const moved = await itemRow(moving);
    expect(moved).toMatchObject({ issueId: to, position: 1, slug: "samma-rubrik-2" });
    expect((await loadIssue(t.db, to))!.articles.map((a) => a.id)).toEqual([already, moving]);
    expect((await loadIssue(t.db, from))!.articles).toEqual([]);

    // A blog post joins an issue as an article of the newsletter, and can go back to the blog.
    const { id: post } = await createText(t.db, skribent, { publicationId: blogId, title: "Ett inlägg blir artikel" });
    await placeText(t.db, redaktor, { id: post, to: { kind: "issue", issueId: from } });
    expect(await itemRow(post)).toMatchObject({ kind: "article", publicationId: newsletterId, issueId: from, position: 0 });
    await placeText(t.db, skribent, { id: post, to: { kind: "publication", publicationId: blogId } });
    expect(await itemRow(post)).toMatchObject({ kind: "post", publicationId: blogId, issueId: null });
  });

  it("puts a text into an issue in review only for those who assemble issues, and voids an approval like a new article", async () => {
    const reviewed = await newIssue();
    await submitted(await article(reviewed, "Artikel i granskat nummer"));
    await issueStep(reviewed, redaktor, "submit");
    const id = await article(null, "Skribentens lösa artikel");
    await expect(placeText(t.db, skribent, { id, to: { kind: "issue", issueId: reviewed } })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Numret granskas. Bara den som sätter ihop nummer kan lägga till artiklar i det nu.",
    });

    await issueStep(reviewed, utgivare, "approve");
    expect((await issueRow(reviewed)).status).toBe("approved");
    await placeText(t.db, redaktor, { id, to: { kind: "issue", issueId: reviewed } });
    expect(await issueRow(reviewed)).toMatchObject({ status: "draft", approvedAt: null });
    const voided = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, reviewed), eq(auditLog.action, "issue.approval_voided")));
    expect(voided).toHaveLength(1);

    // Taking an approved article out of an issue in review: the skribent may not, and the text goes back as a draft.
    await submitted(id);
    await issueStep(reviewed, redaktor, "submit");
    const [inReview] = (await loadIssue(t.db, reviewed))!.articles;
    await expect(placeText(t.db, skribent, { id: inReview!.id, to: { kind: "out" } })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Numret granskas. Bara den som sätter ihop nummer kan ta ut artiklar ur det nu.",
    });
    await placeText(t.db, redaktor, { id: inReview!.id, to: { kind: "out" } });
    expect(await itemRow(inReview!.id)).toMatchObject({ status: "draft", issueId: null, submittedAt: null });
  });

  it("never moves a text readers have seen, and refuses another writer's text to a skribent", async () => {
    const issueId = await newIssue();
    const id = await article(issueId, "Publicerad en gång");
    await t.db.update(contentItems).set({ publishedAt: new Date() }).where(eq(contentItems.id, id));
    await expect(placeText(t.db, redaktor, { id, to: { kind: "out" } })).rejects.toMatchObject({ code: "INVALID_TRANSITION" });

    const { id: others } = await createText(t.db, redaktor, { publicationId: blogId, title: "Redaktörens inlägg" });
    await expect(placeText(t.db, skribent, { id: others, to: { kind: "issue", issueId } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await itemRow(others)).issueId).toBeNull();
  });
});

describe("the rules beside placeText", () => {
  it("moves only never-published texts", () => {
    expect(isMovable({ publishedAt: null, publishedRevisionId: null })).toBe(true);
    expect(isMovable({ publishedAt: new Date(), publishedRevisionId: null })).toBe(false);
    expect(isMovable({ publishedAt: null, publishedRevisionId: "r" })).toBe(false);
  });

  it("sends a reviewed or approved text back to draft, and keeps a request for changes", () => {
    expect(statusAfterMove("in_review")).toBe("draft");
    expect(statusAfterMove("approved")).toBe("draft");
    expect(statusAfterMove("scheduled")).toBe("draft");
    expect(statusAfterMove("changes_requested")).toBe("changes_requested");
    expect(statusAfterMove("draft")).toBe("draft");
  });
});
