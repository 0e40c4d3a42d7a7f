import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getIssue } from "@/db/queries/public/issues";
import { contentItems, newsletterIssues } from "@/db/schema";
import { seededDemo } from "@/db/testing/actors";
import { createTestDb, type TestDb } from "@/db/testing";
import { siteOrigin } from "@/lib/feeds/urls";
import { calendarForIssue } from "@/lib/issues/calendar";
import { personalize, renderIssueEdition, renderPostEdition, UNSUBSCRIBE_URL_PLACEHOLDER } from "./index";

let t: TestDb;
let blogId: string;

beforeAll(async () => {
  t = await createTestDb();
  ({ blogId } = await seededDemo(t.db));
});
afterAll(() => t.close());

const issues = () => t.db.select().from(newsletterIssues).orderBy(desc(newsletterIssues.year), desc(newsletterIssues.number));

describe("renderIssueEdition on the seeded demo", () => {
  it("renders a published issue as readers see it: its articles in web order, Kalendarium and colophon", async () => {
    const issue = (await issues()).find((row) => row.status === "published")!;
    const web = (await getIssue(t.db, issue.year, issue.number))!;
    const mail = await renderIssueEdition(t.db, issue.id);
    expect(mail.subject).toBe(`Nyhetsbrev för Exempelby kommun, nummer ${issue.number} ${issue.year}`);
    // The first lead, cut at a word to the 150 characters mail programs show.
    expect(mail.preheader.length).toBeLessThanOrEqual(150);
    expect(mail.preheader.length).toBeGreaterThan(50);
    expect(web.articles[0]!.lead.startsWith(mail.preheader.replace(/…$/, ""))).toBe(true);
    const positions = web.articles.map((article) => mail.html.indexOf(`${article.title}</a></h2>`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(mail.html).toContain(`href="${siteOrigin()}/nyhetsbrev/${issue.year}/${issue.number}"`);
    expect(mail.html).toContain(`href="${siteOrigin()}/nyhetsbrev/${issue.year}/${issue.number}/${web.articles[0]!.slug}"`);
    if (web.calendar.length > 0) {
      expect(mail.html).toContain("Kalendarium");
      expect(mail.html).toContain(web.calendar[0]!.title);
      expect(mail.html).toContain("Med reservation för eventuella ändringar");
    }
    expect(mail.html).toContain("Ansvarig utgivare:");
    expect(mail.html).toContain("Karin Holm, kommunchef");
    expect(mail.html).toContain(`href="${UNSUBSCRIBE_URL_PLACEHOLDER}"`);
    expect(mail.html).not.toContain("Utkast:");

    const copy = personalize(mail, "https://exempelby.example/prenumerera/avsluta?token=abc&id=1");
    expect(copy.html).toContain('href="https://exempelby.example/prenumerera/avsluta?token=abc&amp;id=1"');
    console.info(`demo issue ${issue.number} ${issue.year}: HTML ${(mail.html.length / 1024).toFixed(1)} kB, text ${(mail.text.length / 1024).toFixed(1)} kB`);
  });

  it("refuses the published edition of an unpublished issue, and previews it from the current revisions", async () => {
    const draft = (await issues()).find((row) => row.status === "draft")!;
    await expect(renderIssueEdition(t.db, draft.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const preview = await renderIssueEdition(t.db, draft.id, { revision: "current", test: true });
    expect(preview.subject).toBe(`[Provutskick] Nyhetsbrev för Exempelby kommun, nummer ${draft.number} ${draft.year}`);
    expect(preview.html).toContain("Utkast: Ny detaljplan för Norrbäckens strand");
    expect(preview.html).toContain("Detta är ett provutskick – det har inte skickats till prenumeranterna.");
    // Not frozen yet: the Kalendarium is the window's events, as publishing would freeze them.
    const events = await calendarForIssue(t.db, draft);
    for (const event of events) expect(preview.html).toContain(event.title);
  });

  it("does not find an issue that does not exist", async () => {
    await expect(renderIssueEdition(t.db, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("renderPostEdition on the seeded demo", () => {
  it("renders a published post, and previews one in review only as current", async () => {
    const posts = await t.db
      .select({ id: contentItems.id, status: contentItems.status })
      .from(contentItems)
      .where(and(eq(contentItems.publicationId, blogId), eq(contentItems.kind, "post")));
    const published = posts.find((post) => post.status === "published")!;
    const mail = await renderPostEdition(t.db, published.id);
    expect(mail.subject).toMatch(/ – Kommunchefens blogg$/);
    expect(mail.html).toMatch(new RegExp(`<a href="${siteOrigin()}/blogg/kommunchefen/[^"]+"[^>]*>Läs på webben</a>`));
    expect(mail.html).toContain("Avsluta prenumeration");

    const inReview = posts.find((post) => post.status === "in_review")!;
    await expect(renderPostEdition(t.db, inReview.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const preview = await renderPostEdition(t.db, inReview.id, { revision: "current" });
    expect(preview.subject).toBe("Tankar inför budgetarbetet – Kommunchefens blogg");
    expect(preview.text).toContain("Det här inlägget är inte publicerat ännu.");
  });
});
