import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getIssue } from "@/db/queries/public/issues";
import { getPost } from "@/db/queries/public/blogs";
import { approvalTokens, auditLog, contentItems, corrections, jobs, mailMessages, newsletterIssues, reviewComments } from "@/db/schema";
import { seededDemo } from "@/db/testing/actors";
import { createTestDb, type TestDb } from "@/db/testing";
import type { CurrentUser } from "@/lib/auth/session";
import { doc, h, p } from "@/lib/content/build";
import { slugFromTitle } from "@/lib/content/slug";
import { stockholmYear } from "@/lib/dates";
import { createText } from "@/lib/editorial/create-text";
import { loadText } from "@/lib/editorial/load-text";
import { saveText } from "@/lib/editorial/save-text";
import { workOnce } from "@/lib/jobs/worker/worker";
import { createApprovalToken } from "../approval-link";
import { currentIssueHash, transitionIssue } from "./issue-workflow";
import { transitionItem } from "./item-workflow";
import { reviewViaLink } from "./link-review";

let t: TestDb;
let skribent: CurrentUser, redaktor: CurrentUser, utgivare: CurrentUser, admin: CurrentUser;
let blogId: string;
let newsletterId: string;

beforeAll(async () => {
  t = await createTestDb();
  ({ skribent, redaktor, utgivare, admin, blogId, newsletterId } = await seededDemo(t.db));
});
afterAll(() => t.close());

const body = (text: string) => doc(h(2, "Bakgrund"), p(text));

/** A post by `author` with real content, saved once: returns its id and current revision. */
async function writtenPost(title: string, author = skribent) {
  const { id } = await createText(t.db, author, { publicationId: blogId, title });
  await saveText(t.db, author, { id, baseVersion: 1, title, lead: "En ingress.", slug: slugFromTitle(title), tags: [], coverMediaId: null, body: body("Första versionen.") });
  return state(id);
}

async function state(id: string) {
  const { item, current } = await loadText(t.db, id);
  return { id, item, revisionId: current.id, version: item.version, number: current.number, title: current.title };
}

async function edit(id: string, actor: CurrentUser, text: string) {
  const s = await state(id);
  return saveText(t.db, actor, { id, baseVersion: s.version, title: s.title, lead: "En ingress.", slug: s.item.slug, tags: [], coverMediaId: null, body: body(text) });
}

const step = async (id: string, actor: CurrentUser, action: Parameters<typeof transitionItem>[2]["action"], extra: Record<string, string> = {}, now?: Date) =>
  transitionItem(t.db, actor, { id, action, revisionId: (await state(id)).revisionId, ...extra }, now);

async function mailsTo(email: string, kind: string) {
  return t.db
    .select()
    .from(mailMessages)
    .where(and(eq(mailMessages.to, email), eq(mailMessages.kind, kind)));
}

describe("a post from draft to published", () => {
  it("goes through review, changes, approval and publishing, each step audited and notified", async () => {
    const post = await writtenPost("Nya öppettider på biblioteket");
    await step(post.id, skribent, "submit");
    expect((await state(post.id)).item).toMatchObject({ status: "in_review", submittedBy: skribent.id });
    expect((await mailsTo(utgivare.email, "item.submitted")).some((m) => m.subject.includes("Nya öppettider"))).toBe(true);

    await expect(step(post.id, utgivare, "request_changes")).rejects.toMatchObject({ code: "INVALID_INPUT", message: "Skriv vad som behöver ändras." });
    await step(post.id, utgivare, "request_changes", { comment: "Lägg till lördagens tider." });
    expect((await state(post.id)).item.status).toBe("changes_requested");
    const [comment] = await t.db.select().from(reviewComments).where(eq(reviewComments.itemId, post.id));
    expect(comment).toMatchObject({ body: "Lägg till lördagens tider.", authorId: utgivare.id });
    expect((await mailsTo(skribent.email, "item.changes_requested")).length).toBeGreaterThan(0);

    await edit(post.id, skribent, "Lördagar 10–14.");
    expect((await state(post.id)).item.status).toBe("changes_requested");
    await step(post.id, skribent, "submit");
    const approvedAt = new Date("2026-11-23T09:05:00Z");
    await step(post.id, utgivare, "approve", {}, approvedAt);
    const approved = await state(post.id);
    expect(approved.item).toMatchObject({ status: "approved", approvedRevisionId: approved.revisionId, approvedBy: utgivare.id });
    const [row] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, post.id), eq(auditLog.action, "item.approved")));
    expect(row!.summary).toBe(`Godkänd av Karin Holm, ansvarig utgivare, 23 november 2026 kl. 10.05, version ${approved.number}`);

    await expect(step(post.id, skribent, "publish")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(step(post.id, redaktor, "publish")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(step(post.id, admin, "publish")).rejects.toMatchObject({ code: "FORBIDDEN" });
    const outcome = await step(post.id, utgivare, "publish");
    expect(outcome.paths).toContain(`/blogg/kommunchefen/${approved.item.slug}`);
    const live = await getPost(t.db, "kommunchefen", approved.item.slug);
    expect(live?.title).toBe("Nya öppettider på biblioteket");
    expect((await mailsTo(skribent.email, "item.published")).length).toBeGreaterThan(0);
    const actions = (await t.db.select().from(auditLog).where(eq(auditLog.entityId, post.id))).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(["item.submitted", "item.changes_requested", "item.approved", "item.published"]));
  });

  it("refuses to submit a text that is not ready, listing every reason", async () => {
    const { id } = await createText(t.db, skribent, { publicationId: blogId, title: "" });
    await expect(step(id, skribent, "submit")).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { reasons: ["Texten saknar rubrik.", "Texten är tom."] },
    });
    const s = await state(id);
    await saveText(t.db, skribent, {
      id,
      baseVersion: s.version,
      title: "Länkar",
      lead: "",
      slug: "lankar",
      tags: [],
      coverMediaId: null,
      body: doc(p("Se ", { type: "text", text: "klicka här", marks: [{ type: "link", attrs: { href: "https://exempelby.se" } }] })),
    });
    const refused = step(id, skribent, "submit");
    await expect(refused).rejects.toMatchObject({ fieldErrors: { reasons: [expect.stringMatching(/länktext/i)] } });
  });

  it("voids the approval when the text is edited afterwards: only a new approval lets it out", async () => {
    const post = await writtenPost("Snöröjning i vinter");
    await step(post.id, skribent, "submit");
    await step(post.id, utgivare, "approve");
    await edit(post.id, skribent, "Ändrad efter godkännandet.");
    const after = await state(post.id);
    expect(after.item).toMatchObject({ status: "draft", approvedRevisionId: null, approvedContentHash: null });
    await expect(step(post.id, utgivare, "publish")).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
    expect(
      (
        await t.db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.entityId, post.id), eq(auditLog.action, "item.approval_voided")))
      ).length,
    ).toBe(1);
  });

  it("refuses an approval of a version the reviewer did not see", async () => {
    const post = await writtenPost("Ny cykelväg");
    await step(post.id, skribent, "submit");
    const seen = (await state(post.id)).revisionId;
    await edit(post.id, skribent, "En ändring under granskningen.");
    await expect(transitionItem(t.db, utgivare, { id: post.id, action: "approve", revisionId: seen })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("concurrent approve and edit: either the edit wins or the approval wins, never a mix", async () => {
    for (let round = 0; round < 4; round++) {
      const post = await writtenPost(`Samtidigt ${round}`);
      await step(post.id, skribent, "submit");
      const seen = await state(post.id);
      const [approval, save] = await Promise.allSettled([
        transitionItem(t.db, utgivare, { id: post.id, action: "approve", revisionId: seen.revisionId }),
        saveText(t.db, skribent, {
          id: post.id,
          baseVersion: seen.version,
          title: seen.title,
          lead: "En ingress.",
          slug: seen.item.slug,
          tags: [],
          coverMediaId: null,
          body: body(`Ändring ${round}`),
        }),
      ]);
      expect(save.status).toBe("fulfilled");
      const end = await state(post.id);
      if (approval.status === "fulfilled" && end.item.status === "approved") {
        // The approval came last: it must be of the words that are current now… which it cannot be,
        // since the approval named the older revision. So the edit must have come last.
        expect.unreachable("an approval survived a later edit");
      }
      if (approval.status === "fulfilled") {
        // Approval first, edit second: the edit voided it.
        expect(end.item).toMatchObject({ status: "draft", approvedRevisionId: null });
      } else {
        expect(approval.reason).toMatchObject({ code: "CONFLICT" });
        expect(end.item.approvedRevisionId).toBeNull();
      }
    }
  });

  it("keeps the live version while a published text is edited, and publishes the new one with a correction", async () => {
    const post = await writtenPost("Sophämtning under helgerna");
    await step(post.id, skribent, "submit");
    await step(post.id, utgivare, "approve");
    await step(post.id, utgivare, "publish");
    await edit(post.id, skribent, "Rätt datum: 27 december.");
    const draft = await state(post.id);
    expect(draft.item.status).toBe("draft");
    expect((await getPost(t.db, "kommunchefen", draft.item.slug))?.body).toEqual(body("Första versionen."));

    await step(post.id, skribent, "submit");
    await step(post.id, utgivare, "approve");
    await step(post.id, utgivare, "publish", { correction: "Ett felaktigt datum för hämtningen har rättats." });
    expect((await getPost(t.db, "kommunchefen", draft.item.slug))?.body).toEqual(body("Rätt datum: 27 december."));
    const [correction] = await t.db.select().from(corrections).where(eq(corrections.itemId, post.id));
    expect(correction?.text).toBe("Ett felaktigt datum för hämtningen har rättats.");
  });

  it("withdraws a published text from readers", async () => {
    const post = await writtenPost("Tillfällig text");
    await step(post.id, skribent, "submit");
    await step(post.id, utgivare, "approve");
    await step(post.id, utgivare, "publish");
    await expect(step(post.id, redaktor, "withdraw")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await step(post.id, utgivare, "withdraw");
    expect(await getPost(t.db, "kommunchefen", (await state(post.id)).item.slug)).toBeNull();
  });
});

describe("scheduled publishing", () => {
  it("publishes at its time from the durable job, also when the server was down at that time", async () => {
    const post = await writtenPost("Julmarknad på torget");
    await step(post.id, skribent, "submit");
    await step(post.id, utgivare, "approve");
    const now = new Date();
    const at = new Date(now.getTime() + 60 * 60_000);
    await expect(step(post.id, utgivare, "schedule", { scheduledAt: new Date(now.getTime() - 1000).toISOString() })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await step(post.id, utgivare, "schedule", { scheduledAt: at.toISOString() });
    const slug = (await state(post.id)).item.slug;

    // Nothing happens before the time…
    await workOnce(t.db, now, async () => {});
    expect(await getPost(t.db, "kommunchefen", slug)).toBeNull();
    // …and a pass that starts after the time (a server that was down at `at` and just started,
    // with nothing in memory: all it has is the database) catches up.
    const revalidated: string[] = [];
    await workOnce(t.db, new Date(at.getTime() + 5 * 60_000), async (paths) => void revalidated.push(...paths));
    expect(revalidated).toEqual(expect.arrayContaining(["/", "/blogg/kommunchefen", `/blogg/kommunchefen/${slug}`, "/sitemap.xml", "/sitemaps/sidor.xml"]));
    const publishedAt = (await state(post.id)).item.publishedAt!;
    expect(revalidated).toContain(`/sitemaps/${stockholmYear(publishedAt)}.xml`);
    const [job] = await t.db.select().from(jobs).where(eq(jobs.kind, "publish.item")).orderBy(desc(jobs.createdAt)).limit(1);
    expect(job).toMatchObject({ status: "done", payload: { itemId: post.id } });
    expect((await state(post.id)).item.status).toBe("published");
    // A second pass does not publish twice.
    const again = await workOnce(t.db, new Date(at.getTime() + 10 * 60_000), async () => {});
    expect(again.jobs.done).toBe(0);
  });

  it("can be cancelled, and an edit cancels it too", async () => {
    const post = await writtenPost("Avbruten publicering");
    await step(post.id, skribent, "submit");
    await step(post.id, utgivare, "approve");
    const at = new Date(Date.now() + 60 * 60_000);
    await step(post.id, utgivare, "schedule", { scheduledAt: at.toISOString() });
    await step(post.id, utgivare, "unschedule");
    expect((await state(post.id)).item).toMatchObject({ status: "approved", scheduledAt: null });
    await step(post.id, utgivare, "schedule", { scheduledAt: at.toISOString() });
    await edit(post.id, skribent, "Ändrad medan den väntade.");
    const pending = await t.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.status, "pending"), eq(jobs.kind, "publish.item")));
    expect(pending.filter((j) => (j.payload as { itemId: string }).itemId === post.id)).toEqual([]);
    await workOnce(t.db, new Date(at.getTime() + 60_000), async () => {});
    expect((await state(post.id)).item).toMatchObject({ status: "draft", publishedRevisionId: null });
  });
});

describe("approving from the e-mail link", () => {
  it("approves exactly the mailed version, once, only for the utgivare it was sent to", async () => {
    const post = await writtenPost("Länkgodkännande");
    await step(post.id, skribent, "submit");
    const s = await state(post.id);
    const { token } = await createApprovalToken(t.db, { itemId: post.id, revisionId: s.revisionId, contentHash: s.item.approvedContentHash ?? "x", userId: utgivare.id });
    await expect(reviewViaLink(t.db, redaktor, { token, action: "approve" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(reviewViaLink(t.db, utgivare, { token: `${token.split(".")[0]}.forged`, action: "approve" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await reviewViaLink(t.db, utgivare, { token, action: "approve" });
    expect((await state(post.id)).item).toMatchObject({ status: "approved", approvedRevisionId: s.revisionId });
    await expect(reviewViaLink(t.db, utgivare, { token, action: "approve" })).rejects.toMatchObject({ message: expect.stringMatching(/redan använts/) });
  });

  it("refuses when the text changed after the mail was sent", async () => {
    const post = await writtenPost("Ändrad efter mejlet");
    await step(post.id, skribent, "submit");
    const [mailed] = await t.db.select().from(approvalTokens).where(eq(approvalTokens.itemId, post.id));
    expect(mailed).toBeDefined();
    const { token } = await createApprovalToken(t.db, { itemId: post.id, revisionId: mailed!.revisionId!, contentHash: mailed!.contentHash, userId: utgivare.id });
    await edit(post.id, skribent, "Nyare ord.");
    await expect(reviewViaLink(t.db, utgivare, { token, action: "approve" })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/e-postmeddelandet/) });
    expect((await state(post.id)).item.status).toBe("in_review");
  });

  it("refuses an expired link", async () => {
    const post = await writtenPost("Gammal länk");
    await step(post.id, skribent, "submit");
    const s = await state(post.id);
    const { token } = await createApprovalToken(t.db, { itemId: post.id, revisionId: s.revisionId, contentHash: "x", userId: utgivare.id }, new Date(Date.now() - 100 * 3_600_000));
    await expect(reviewViaLink(t.db, utgivare, { token, action: "approve" })).rejects.toMatchObject({ message: expect.stringMatching(/gått ut/) });
  });
});

describe("a newsletter issue as a unit", () => {
  it("is submitted, approved and published with its articles, freezing its Kalendarium", async () => {
    const [issue] = await t.db
      .insert(newsletterIssues)
      .values({ publicationId: newsletterId, year: 2031, number: 1, calendarFrom: "2000-01-01", calendarTo: "2100-12-31", createdBy: redaktor.id })
      .returning();
    const hashNow = async () => currentIssueHash(t.db, (await t.db.select().from(newsletterIssues).where(eq(newsletterIssues.id, issue!.id)))[0]!);
    const issueStep = async (actor: CurrentUser, action: Parameters<typeof transitionIssue>[2]["action"], extra: Record<string, string> = {}) =>
      transitionIssue(t.db, actor, { id: issue!.id, action, contentHash: await hashNow(), ...extra });

    await expect(issueStep(redaktor, "submit")).rejects.toMatchObject({ fieldErrors: { reasons: ["Numret har inga artiklar."] } });
    const ids: string[] = [];
    for (const title of ["Ny förskola i Norrby", "Vattenverket byggs ut", "Kommunchefen har ordet"]) {
      const { id } = await createText(t.db, skribent, { publicationId: newsletterId, issueId: issue!.id, title });
      await saveText(t.db, skribent, { id, baseVersion: 1, title, lead: "Ingress.", slug: slugFromTitle(title), tags: [], coverMediaId: null, body: body(title) });
      ids.push(id);
    }
    await expect(transitionItem(t.db, utgivare, { id: ids[0]!, action: "publish", revisionId: (await state(ids[0]!)).revisionId })).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
    });
    await expect(issueStep(skribent, "submit")).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Each article goes when its writer sends it; until then the issue waits, and says for which.
    await expect(issueStep(redaktor, "submit")).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: {
        reasons: ["Ny förskola i Norrby", "Vattenverket byggs ut", "Kommunchefen har ordet"].map(
          (title) => `${title}: Artikeln är ett utkast som inte har skickats för granskning.`,
        ),
      },
    });
    expect((await t.db.select().from(newsletterIssues).where(eq(newsletterIssues.id, issue!.id)))[0]!.status).toBe("draft");
    for (const id of ids) await transitionItem(t.db, skribent, { id, action: "submit" });
    await issueStep(redaktor, "submit");
    await expect(issueStep(redaktor, "approve")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await issueStep(utgivare, "approve");
    // An edit of one article voids the whole issue's approval.
    await edit(ids[1]!, skribent, "Ändrad efter godkännandet.");
    const [voided] = await t.db.select().from(newsletterIssues).where(eq(newsletterIssues.id, issue!.id));
    expect(voided).toMatchObject({ status: "draft", approvedContentHash: null });
    await expect(issueStep(utgivare, "publish")).rejects.toMatchObject({ code: "INVALID_TRANSITION" });

    await issueStep(redaktor, "submit");
    await issueStep(utgivare, "approve");
    await issueStep(utgivare, "publish");
    const published = await getIssue(t.db, 2031, 1);
    expect(published?.articles.map((a) => a.title).sort()).toEqual(["Kommunchefen har ordet", "Ny förskola i Norrby", "Vattenverket byggs ut"]);
    const [row] = await t.db.select().from(newsletterIssues).where(eq(newsletterIssues.id, issue!.id));
    expect(row!.frozenCalendar?.length).toBeGreaterThan(0);
    const items = await t.db.select().from(contentItems).where(eq(contentItems.issueId, issue!.id));
    expect(new Set(items.map((i) => i.status))).toEqual(new Set(["published"]));
    expect(new Set(items.map((i) => i.publishedAt?.getTime())).size).toBe(1);
  });
});
