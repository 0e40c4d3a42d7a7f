import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAuthorSlugs, getBylineAuthorBySlug } from "@/lib/users/author-slugs";
import { getBylineAuthors } from "@/db/queries/public/authors";
import { getIssueArticle, getIssueArchive } from "@/db/queries/public/issues";
import { getTextsByAuthor, getTextsByTag } from "@/db/queries/public/texts";
import { publicTextPath } from "@/lib/feeds/urls";
import { contentItems, newsletterIssues, users } from "@/db/schema";
import { actorByEmail, seededDemo, textStep } from "@/db/testing/actors";
import { createTestDb, type TestDb } from "@/db/testing";
import type { CurrentUser } from "@/lib/auth/session";
import { doc, p } from "@/lib/content/build";
import { slugFromTitle } from "@/lib/content/slug";
import { createText } from "@/lib/editorial/create-text";
import { saveText } from "@/lib/editorial/save-text";
import { currentIssueHash, transitionIssue } from "@/lib/workflow/services/issue-workflow";

let t: TestDb;
let skribent: CurrentUser, redaktor: CurrentUser, utgivare: CurrentUser, admin: CurrentUser;
let blogId: string;
let newsletterId: string;

beforeAll(async () => {
  t = await createTestDb();
  ({ skribent, redaktor, utgivare, admin, blogId, newsletterId } = await seededDemo(t.db));
});
afterAll(() => t.close());

/** A saved text with one tag of its own, written by `author`; returns its id and slug. */
async function written(title: string, tag: string, author: CurrentUser, where: { issueId?: string } = {}) {
  const { id } = await createText(t.db, author, { publicationId: where.issueId ? newsletterId : blogId, title, ...where });
  const slug = slugFromTitle(title);
  await saveText(t.db, author, { id, baseVersion: 1, title, lead: "Ingress.", slug, tags: [tag], coverMediaId: null, body: doc(p(title)) });
  return { id, slug };
}

const step = (id: string, actor: CurrentUser, action: Parameters<typeof textStep>[3], extra?: Record<string, string>) => textStep(t.db, id, actor, action, extra);

async function publishedPost(title: string, tag: string, author = skribent) {
  const post = await written(title, tag, author);
  await step(post.id, author, "submit");
  await step(post.id, utgivare, "approve");
  await step(post.id, utgivare, "publish");
  return post;
}

async function issueWithArticle(year: number, number: number, title: string, tag: string) {
  const [issue] = await t.db
    .insert(newsletterIssues)
    .values({ publicationId: newsletterId, year, number, calendarFrom: "2000-01-01", calendarTo: "2000-01-02", createdBy: redaktor.id })
    .returning();
  const article = await written(title, tag, skribent, { issueId: issue!.id });
  await step(article.id, skribent, "submit");
  const issueStep = async (actor: CurrentUser, action: Parameters<typeof transitionIssue>[2]["action"]) => {
    const [row] = await t.db.select().from(newsletterIssues).where(eq(newsletterIssues.id, issue!.id));
    return transitionIssue(t.db, actor, { id: issue!.id, action, contentHash: await currentIssueHash(t.db, row!) });
  };
  return { issueId: issue!.id, article, issueStep };
}

const titles = (rows: { title: string }[]) => rows.map((r) => r.title);

describe("article pages", () => {
  it("finds an article of a live issue by year, number and slug, and nothing before the issue is out or after it is withdrawn", async () => {
    const { article, issueStep } = await issueWithArticle(2032, 4, "Ny lekplats i Norrby", "lekplatser");
    expect(await getIssueArticle(t.db, 2032, 4, article.slug)).toBeNull();
    expect(titles(await getTextsByTag(t.db, "lekplatser"))).toEqual([]);

    await issueStep(redaktor, "submit");
    await issueStep(utgivare, "approve");
    expect(await getIssueArticle(t.db, 2032, 4, article.slug)).toBeNull();
    await issueStep(utgivare, "publish");

    const live = await getIssueArticle(t.db, 2032, 4, article.slug);
    expect(live).toMatchObject({ title: "Ny lekplats i Norrby", issueYear: 2032, issueNumber: 4, tags: ["lekplatser"] });
    expect(live?.byline.map((b) => b.name)).toEqual([skribent.name]);
    expect(await getIssueArticle(t.db, 2032, 5, article.slug)).toBeNull();
    expect(await getIssueArticle(t.db, 2031, 4, article.slug)).toBeNull();
    const [listed] = await getTextsByTag(t.db, "lekplatser");
    expect(publicTextPath(listed!)).toBe(`/nyhetsbrev/2032/4/${article.slug}`);

    await issueStep(utgivare, "withdraw");
    expect(await getIssueArticle(t.db, 2032, 4, article.slug)).toBeNull();
    expect(titles(await getTextsByTag(t.db, "lekplatser"))).toEqual([]);
    expect((await getIssueArchive(t.db)).some((i) => i.year === 2032)).toBe(false);
  });

  it("does not serve a blog post's slug as an article", async () => {
    const post = await publishedPost("Ett inlägg, inte en artikel", "ovrigt");
    const [issue] = await getIssueArchive(t.db);
    expect(await getIssueArticle(t.db, issue!.year, issue!.number, post.slug)).toBeNull();
  });
});

describe("tag pages", () => {
  it("lists live posts and articles with the tag, newest first, and never a draft, scheduled or withdrawn text", async () => {
    const first = await publishedPost("Första texten om badplatser", "badplatser");
    const second = await publishedPost("Andra texten om badplatser", "badplatser");
    await t.db
      .update(contentItems)
      .set({ publishedAt: new Date(Date.now() - 60_000) })
      .where(eq(contentItems.id, first.id));

    await written("Utkast om badplatser", "badplatser", skribent);
    const scheduled = await written("Schemalagt om badplatser", "badplatser", skribent);
    await step(scheduled.id, skribent, "submit");
    await step(scheduled.id, utgivare, "approve");
    await step(scheduled.id, utgivare, "schedule", { scheduledAt: new Date(Date.now() + 3_600_000).toISOString() });
    const withdrawn = await publishedPost("Indraget om badplatser", "badplatser");
    await step(withdrawn.id, utgivare, "withdraw");

    const rows = await getTextsByTag(t.db, "badplatser");
    expect(titles(rows)).toEqual(["Andra texten om badplatser", "Första texten om badplatser"]);
    expect(publicTextPath(rows[0]!)).toBe(`/blogg/kommunchefen/${second.slug}`);
    expect(await getTextsByTag(t.db, "badplats")).toEqual([]);
  });

  it("finds the demo's tags with Swedish letters, in published issues and the blog", async () => {
    const rows = await getTextsByTag(t.db, "samhällsbyggnad");
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(["article", "post"]));
    expect(titles(rows)).not.toContain("Utkast: Ny detaljplan för Norrbäckens strand");
  });
});

describe("author pages", () => {
  it("exist for staff in a live byline only, by the slug of their name, and carry no e-mail address", async () => {
    const authors = await getBylineAuthors(t.db);
    expect(authors.map((a) => a.name)).toEqual(expect.arrayContaining([skribent.name, redaktor.name, utgivare.name]));
    // The admin signs nothing; guest writers have no account and so no page.
    expect(authors.map((a) => a.name)).not.toContain(admin.name);
    expect(authors.map((a) => a.name)).not.toContain("Lena Ek");
    for (const author of authors) expect(Object.keys(author).sort()).toEqual(["id", "jobTitle", "name"]);

    const karin = await getBylineAuthorBySlug(t.db, "karin-holm");
    expect(karin).toMatchObject({ id: utgivare.id, name: "Karin Holm" });
    expect(await getBylineAuthorBySlug(t.db, slugFromTitle(admin.name))).toBeNull();
    expect(await getBylineAuthorBySlug(t.db, "finns-inte")).toBeNull();
  });

  it("keeps two officials with the same name apart: each has a page of their own texts", async () => {
    // A second Karin Holm joins later (a namesake in another department) and publishes a post.
    await t.db.insert(users).values({ email: "karin.holm2@exempelby.test", name: utgivare.name, role: "skribent", passwordHash: "x" });
    const namesake = await actorByEmail(t.db, "karin.holm2@exempelby.test");
    await publishedPost("Den andra Karin Holms inlägg", "namne", namesake);

    const slugs = await getAuthorSlugs(t.db);
    expect(slugs.get(utgivare.id)).toBe("karin-holm");
    expect(slugs.get(namesake.id)).toBe("karin-holm-2");
    expect(new Set(slugs.values()).size).toBe(slugs.size);

    expect(await getBylineAuthorBySlug(t.db, "karin-holm")).toMatchObject({ id: utgivare.id });
    expect(await getBylineAuthorBySlug(t.db, "karin-holm-2")).toMatchObject({ id: namesake.id });
    expect(titles(await getTextsByAuthor(t.db, namesake.id))).toEqual(["Den andra Karin Holms inlägg"]);
    expect(titles(await getTextsByAuthor(t.db, utgivare.id))).not.toContain("Den andra Karin Holms inlägg");
  });

  it("lists the live texts an author signs, and not their unpublished ones", async () => {
    const texts = await getTextsByAuthor(t.db, utgivare.id);
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.every((text) => text.byline.some((b) => b.userId === utgivare.id))).toBe(true);
    // Seeded: a post by Karin Holm waiting for review.
    expect(titles(texts)).not.toContain("Tankar inför budgetarbetet");
    const dates = texts.map((text) => text.publishedAt!.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  it("does not list an author's draft among their texts", async () => {
    await written("Bara ett utkast", "utkast", redaktor);
    expect(titles(await getTextsByAuthor(t.db, redaktor.id))).not.toContain("Bara ett utkast");
  });
});
