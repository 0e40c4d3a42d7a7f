import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, contentItems, newsletterIssues, publications } from "@/db/schema";
import { seedDemo } from "@/lib/demo/demo";
import { actorByEmail } from "@/db/testing/actors";
import { createTestDb, type TestDb } from "@/db/testing";
import type { CurrentUser } from "@/lib/auth/session";
import { createText } from "@/lib/editorial/create-text";
import { moveArticle, setPlacement } from "./arrange";
import { createIssue, proposeIssue, updateIssue } from "./issues";
import { loadIssue } from "./load-issue";

let t: TestDb;
let skribent: CurrentUser, redaktor: CurrentUser;
let newsletterId: string;
/** Tests use years of their own; "now" is set so that they are not too far ahead. */
const FUTURE = new Date("2036-01-01T10:00:00Z");

beforeAll(async () => {
  t = await createTestDb();
  await seedDemo(t.db);
  skribent = await actorByEmail(t.db, "skribent@exempelby.test");
  redaktor = await actorByEmail(t.db, "redaktor@exempelby.test");
  const [pub] = await t.db.select().from(publications).where(eq(publications.kind, "newsletter"));
  newsletterId = pub!.id;
});
afterAll(() => t.close());

async function issueRow(id: string) {
  const [row] = await t.db.select().from(newsletterIssues).where(eq(newsletterIssues.id, id));
  return row!;
}

/** A fresh issue with the given article titles, in a year of its own so tests do not share numbers. */
async function issueWith(year: number, titles: string[]) {
  const issue = await createIssue(t.db, redaktor, { publicationId: newsletterId, year }, new Date(`${year}-03-10T10:00:00Z`));
  const ids: string[] = [];
  for (const title of titles) ids.push((await createText(t.db, redaktor, { publicationId: newsletterId, issueId: issue.id, title })).id);
  return { ...issue, ids };
}

const titlesOf = async (id: string) => (await loadIssue(t.db, id))!.articles.map((a) => `${a.placement === "column" ? "*" : ""}${a.title}`);

describe("createIssue", () => {
  it("gives the next number of the year and a Kalendarium over the next month", async () => {
    const now = new Date();
    const proposal = await proposeIssue(t.db, newsletterId, now);
    const created = await createIssue(t.db, redaktor, { publicationId: newsletterId }, now);
    expect(created).toMatchObject({ year: proposal.year, number: proposal.number });
    const row = await issueRow(created.id);
    expect(row).toMatchObject({ status: "draft", version: 1, calendarFrom: proposal.calendarFrom, calendarTo: proposal.calendarTo });
    const next = await createIssue(t.db, redaktor, { publicationId: newsletterId }, now);
    expect(next.number).toBe(created.number + 1);
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, created.id), eq(auditLog.action, "issue.created")));
    expect(audit).toHaveLength(1);
  });

  it("starts a new year at 1 and refuses a number that is taken, in Swedish", async () => {
    const now = new Date("2029-05-02T10:00:00Z");
    const first = await createIssue(t.db, redaktor, { publicationId: newsletterId }, now);
    expect(first).toMatchObject({ year: 2029, number: 1 });
    expect((await issueRow(first.id)).calendarFrom).toBe("2029-06-01");
    await expect(createIssue(t.db, redaktor, { publicationId: newsletterId, number: 1 }, now)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Nummer 1 2029 finns redan.",
    });
  });

  it("gives two simultaneous creates two different numbers, or refuses one clearly — never crashes", async () => {
    const now = new Date("2030-02-02T10:00:00Z");
    const results = await Promise.allSettled([
      createIssue(t.db, redaktor, { publicationId: newsletterId }, now),
      createIssue(t.db, redaktor, { publicationId: newsletterId }, now),
    ]);
    const numbers = results.flatMap((r) => (r.status === "fulfilled" ? [r.value.number] : []));
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/^Nummer \d+ 2030 finns redan\.$/) });
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers.length).toBeGreaterThanOrEqual(1);
  });

  it("is for redaktör and utgivare only, and checks the window", async () => {
    await expect(createIssue(t.db, skribent, { publicationId: newsletterId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createIssue(t.db, redaktor, { publicationId: newsletterId, calendarFrom: "2026-05-10", calendarTo: "2026-05-01" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { calendarTo: ["Kalendariet kan inte sluta före det börjar."] },
    });
  });
});

describe("updateIssue", () => {
  it("saves the metadata, moves the version on and refuses a stale form", async () => {
    const { id } = await issueWith(2031, []);
    const fields = { id, year: 2031, number: 7, title: "Sommar", calendarFrom: "2031-06-01", calendarTo: "2031-08-31", calendarNote: "" };
    expect(await updateIssue(t.db, redaktor, { ...fields, baseVersion: 1 }, FUTURE)).toEqual({ version: 2 });
    expect(await issueRow(id)).toMatchObject({ number: 7, title: "Sommar", calendarTo: "2031-08-31", calendarNote: "" });
    await expect(updateIssue(t.db, redaktor, { ...fields, title: "Höst", baseVersion: 1 }, FUTURE)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Numret har ändrats sedan du öppnade det. Ladda om sidan.",
    });
  });

  it("validates number, year and window with Swedish messages", async () => {
    const { id } = await issueWith(2032, []);
    const fields = { id, baseVersion: 1, year: 2032, number: 1, title: "", calendarFrom: "2032-04-01", calendarTo: "2032-04-30", calendarNote: "" };
    await expect(updateIssue(t.db, redaktor, { ...fields, number: 0 }, FUTURE)).rejects.toMatchObject({ fieldErrors: { number: ["Numret måste vara mellan 1 och 999."] } });
    await expect(updateIssue(t.db, redaktor, { ...fields, year: 1800 }, FUTURE)).rejects.toMatchObject({ fieldErrors: { year: [expect.any(String)] } });
    await expect(updateIssue(t.db, redaktor, { ...fields, calendarTo: "2032-03-01" }, FUTURE)).rejects.toMatchObject({ fieldErrors: { calendarTo: [expect.any(String)] } });
    await expect(updateIssue(t.db, redaktor, { ...fields, calendarFrom: "" }, FUTURE)).rejects.toMatchObject({ fieldErrors: { calendarFrom: [expect.any(String)] } });
    const other = await createIssue(t.db, redaktor, { publicationId: newsletterId, year: 2032 }, new Date("2032-03-10T10:00:00Z"));
    await expect(updateIssue(t.db, redaktor, { ...fields, id: other.id, number: 1 }, FUTURE)).rejects.toMatchObject({
      code: "CONFLICT",
      fieldErrors: { number: ["Nummer 1 2032 finns redan."] },
    });
  });
});

describe("assembling an issue", () => {
  it("adds articles last, moves them and keeps positions dense", async () => {
    const { id, ids } = await issueWith(2033, ["Ett", "Två", "Tre"]);
    const rows = await t.db.select().from(contentItems).where(eq(contentItems.issueId, id));
    expect(rows.map((r) => r.position).sort()).toEqual([0, 1, 2]);
    let version = (await issueRow(id)).version;
    ({ version } = await moveArticle(t.db, redaktor, { issueId: id, itemId: ids[2]!, direction: "up", baseVersion: version }));
    expect(await titlesOf(id)).toEqual(["Ett", "Tre", "Två"]);
    await expect(moveArticle(t.db, redaktor, { issueId: id, itemId: ids[0]!, direction: "up", baseVersion: version })).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
    });
    await expect(moveArticle(t.db, redaktor, { issueId: id, itemId: ids[0]!, direction: "down", baseVersion: version - 1 })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, "issue.articles_reordered")));
    expect(audit).toHaveLength(1);
  });

  it("keeps at most one column, always first", async () => {
    const { id, ids } = await issueWith(2034, ["Ett", "Två", "Tre"]);
    let version = (await issueRow(id)).version;
    ({ version } = await setPlacement(t.db, redaktor, { issueId: id, itemId: ids[2]!, placement: "column", baseVersion: version }));
    expect(await titlesOf(id)).toEqual(["*Tre", "Ett", "Två"]);
    ({ version } = await setPlacement(t.db, redaktor, { issueId: id, itemId: ids[1]!, placement: "column", baseVersion: version }));
    expect(await titlesOf(id)).toEqual(["*Två", "Tre", "Ett"]);
    await expect(moveArticle(t.db, redaktor, { issueId: id, itemId: ids[2]!, direction: "up", baseVersion: version })).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
    });
    const rows = await t.db.select().from(contentItems).where(eq(contentItems.issueId, id));
    expect(rows.filter((r) => r.placement === "column")).toHaveLength(1);
    expect(rows.map((r) => r.position).sort()).toEqual([0, 1, 2]);
  });

  it("voids an approval on any change, and refuses changes to a published issue but not a withdrawn one", async () => {
    const { id, ids } = await issueWith(2036, ["Ett", "Två"]);
    await t.db.update(newsletterIssues).set({ status: "approved", approvedAt: new Date(), approvedBy: redaktor.id }).where(eq(newsletterIssues.id, id));
    await t.db.update(contentItems).set({ status: "approved" }).where(eq(contentItems.issueId, id));
    const { version } = await moveArticle(t.db, redaktor, { issueId: id, itemId: ids[1]!, direction: "up", baseVersion: (await issueRow(id)).version });
    expect(await issueRow(id)).toMatchObject({ status: "draft", approvedAt: null, version });
    const items = await t.db.select().from(contentItems).where(eq(contentItems.issueId, id));
    expect(items.every((i) => i.status === "draft")).toBe(true);
    const voided = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, "issue.approval_voided")));
    expect(voided).toHaveLength(1);

    await t.db.update(newsletterIssues).set({ status: "approved" }).where(eq(newsletterIssues.id, id));
    await createText(t.db, redaktor, { publicationId: newsletterId, issueId: id, title: "Sent tillägg" });
    expect((await issueRow(id)).status).toBe("draft");

    await t.db.update(newsletterIssues).set({ status: "published", publishedAt: new Date() }).where(eq(newsletterIssues.id, id));
    const published = await issueRow(id);
    await expect(moveArticle(t.db, redaktor, { issueId: id, itemId: ids[0]!, direction: "up", baseVersion: published.version })).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
      message: expect.stringMatching(/^Numret är publicerat/),
    });
    await expect(createText(t.db, redaktor, { publicationId: newsletterId, issueId: id, title: "För sent" })).rejects.toMatchObject({
      message: "Numret är redan publicerat.",
    });

    await t.db.update(newsletterIssues).set({ status: "withdrawn", withdrawnAt: new Date() }).where(eq(newsletterIssues.id, id));
    await expect(moveArticle(t.db, redaktor, { issueId: id, itemId: ids[0]!, direction: "up", baseVersion: published.version })).resolves.toMatchObject({
      version: published.version + 1,
    });
  });
});
