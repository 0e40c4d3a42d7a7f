import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentItems, newsletterIssues, publications, revisions } from "@/db/schema";
import { seedDemo } from "@/lib/demo/demo";
import { createTestDb, type TestDb } from "@/db/testing";
import { getIssue, getIssueArchive, getLatestIssues } from "@/db/queries/public/issues";
import { getLatestPosts, getPost, getPostsOfBlog, getBlog, getBlogs } from "@/db/queries/public/blogs";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedDemo(t.db, { now: new Date() });
});
afterAll(() => t.close());

async function titlesOfUnpublished() {
  const rows = await t.db
    .select({ title: revisions.title })
    .from(contentItems)
    .innerJoin(revisions, eq(revisions.itemId, contentItems.id))
    .where(sql`${contentItems.publishedRevisionId} is null`);
  return rows.map((r) => r.title);
}

async function everythingPublic() {
  const issues = await getIssueArchive(t.db);
  const full = await Promise.all(issues.map((i) => getIssue(t.db, i.year, i.number)));
  const blog = await getBlog(t.db, "kommunchefen");
  return {
    issueNumbers: issues.map((i) => `${i.year}/${i.number}`),
    titles: [
      ...full.flatMap((i) => i?.articles.map((a) => a.title) ?? []),
      ...(await getLatestPosts(t.db, 100)).map((p) => p.title),
      ...(await getPostsOfBlog(t.db, blog!.id)).map((p) => p.title),
    ],
  };
}

describe("public queries", () => {
  it("return the published issues, newest first, with articles in newsletter order", async () => {
    const latest = await getLatestIssues(t.db);
    expect(latest).toHaveLength(2);
    const issue = await getIssue(t.db, latest[0]!.year, latest[0]!.number);
    expect(issue!.articles[0]!.placement).toBe("column");
    expect(issue!.articles.length).toBeGreaterThanOrEqual(4);
    expect(issue!.publisherName).toBe("Karin Holm");
    expect(issue!.calendar.length).toBeGreaterThan(0);
  });

  it("never return drafts or texts awaiting review", async () => {
    const hidden = await titlesOfUnpublished();
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    const { titles } = await everythingPublic();
    for (const title of hidden) expect(titles).not.toContain(title);
    expect(await getPost(t.db, "kommunchefen", "tankar-infor-budgetarbetet")).toBeNull();
  });

  it("never return a draft issue, even by its number", async () => {
    const [draft] = await t.db.select().from(newsletterIssues).where(eq(newsletterIssues.status, "draft"));
    expect(await getIssue(t.db, draft!.year, draft!.number)).toBeNull();
    expect((await everythingPublic()).issueNumbers).not.toContain(`${draft!.year}/${draft!.number}`);
  });

  it("list every blog with its live posts' count and newest post, the blog with the newest post first", async () => {
    const blogs = await getBlogs(t.db);
    expect(blogs.map((blog) => [blog.slug, blog.postCount, blog.latestPost?.title])).toEqual([
      // The chief's post awaiting review is neither counted nor her blog's newest.
      ["kommunchefen", 3, "Elevråd, vattentryck och ett stort tack"],
      ["medarbetarbloggen", 3, "Så går detaljplaneprocessen till"],
    ]);
    expect(blogs[1]!.latestPost!.byline.map((author) => author.title)).toEqual(["Planarkitekt"]);
  });

  it("count a blog without live posts, and leave it without a newest post", async () => {
    await t.db.insert(publications).values({ kind: "blog", slug: "tom-blogg", name: "Tom blogg" });
    const empty = (await getBlogs(t.db)).find((blog) => blog.slug === "tom-blogg");
    expect(empty).toMatchObject({ postCount: 0, latestPost: null });
    await t.db.delete(publications).where(eq(publications.slug, "tom-blogg"));
  });

  it("hide a withdrawn text and a text scheduled for later", async () => {
    const posts = await getLatestPosts(t.db, 100);
    const [withdrawn, scheduled] = posts;
    await t.db.update(contentItems).set({ withdrawnAt: new Date() }).where(eq(contentItems.slug, withdrawn!.slug));
    await t.db
      .update(contentItems)
      .set({ publishedAt: new Date(Date.now() + 86_400_000) })
      .where(eq(contentItems.slug, scheduled!.slug));
    const titles = (await everythingPublic()).titles;
    expect(titles).not.toContain(withdrawn!.title);
    expect(titles).not.toContain(scheduled!.title);
    expect(await getPost(t.db, withdrawn!.blogSlug, withdrawn!.slug)).toBeNull();
    expect(await getPost(t.db, scheduled!.blogSlug, scheduled!.slug)).toBeNull();
    const counted = new Map((await getBlogs(t.db)).map((blog) => [blog.slug, blog.postCount]));
    expect(counted).toEqual(
      new Map([
        ["kommunchefen", 2],
        ["medarbetarbloggen", 2],
      ]),
    );
  });
  it("decide the latest issue by its publication date, not by its number", async () => {
    const [latest] = await getLatestIssues(t.db);
    const [newsletter] = await t.db.select().from(newsletterIssues).where(eq(newsletterIssues.id, latest!.id));
    // An issue of an earlier year (a lower year and number) published just now, as when a missed
    // issue is published late: it is the newest to readers.
    const [late] = await t.db
      .insert(newsletterIssues)
      .values({
        publicationId: newsletter!.publicationId,
        year: latest!.year - 5,
        number: 1,
        calendarFrom: `${latest!.year - 5}-01-01`,
        calendarTo: `${latest!.year - 5}-01-31`,
        status: "published",
        publishedAt: new Date(Date.now() - 1000),
      })
      .returning();
    try {
      const issues = await getLatestIssues(t.db);
      expect([issues[0]!.year, issues[0]!.number]).toEqual([late!.year, 1]);
      expect([issues[1]!.year, issues[1]!.number]).toEqual([latest!.year, latest!.number]);
    } finally {
      await t.db.delete(newsletterIssues).where(eq(newsletterIssues.id, late!.id));
    }
  });
});
