import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCorrections } from "@/db/queries/public/corrections";
import { getIssue } from "@/db/queries/public/issues";
import { contentItems, corrections, newsletterIssues } from "@/db/schema";
import { seededDemo } from "@/db/testing/actors";
import { createTestDb, type TestDb } from "@/db/testing";
import type { CurrentUser } from "@/lib/auth/session";
import { doc, p } from "@/lib/content/build";
import { createText } from "@/lib/editorial/create-text";
import { saveText } from "@/lib/editorial/save-text";
import { calendarForIssue } from "./calendar";
import { loadIssuePreview } from "./load-preview";
import { articleMarkers, previewSummary } from "./preview-state";

let t: TestDb;
let redaktor: CurrentUser;

beforeAll(async () => {
  t = await createTestDb();
  ({ redaktor } = await seededDemo(t.db));
});
afterAll(() => t.close());

const issues = () => t.db.select().from(newsletterIssues).orderBy(desc(newsletterIssues.year), desc(newsletterIssues.number));

describe("loadIssuePreview", () => {
  it("shows a published issue with the same articles, in the same order, as readers get", async () => {
    const issue = (await issues()).find((row) => row.status === "published")!;
    const web = (await getIssue(t.db, issue.year, issue.number))!;
    const preview = (await loadIssuePreview(t.db, issue.id))!;
    expect(preview.articles.map((a) => [a.id, a.title, a.lead, a.body])).toEqual(web.articles.map((a) => [a.id, a.title, a.lead, a.body]));
    expect(preview.articles.map((a) => a.coverId)).toEqual(web.articles.map((a) => a.coverId));
    expect(preview.calendar).toEqual(web.calendar);
    expect(preview.colophon.publisherName).toBe(web.publisherName);
    const now = new Date();
    expect(previewSummary(preview.issue, preview.articles, now).notes).toEqual(["Så här ser det ut för läsarna. Inget har ändrats sedan publiceringen."]);
  });

  it("shows an unpublished issue from its current revisions, drafts and empty articles included, with the window's Kalendarium", async () => {
    const draft = (await issues()).find((row) => row.status === "draft")!;
    const { id } = await createText(t.db, redaktor, { publicationId: draft.publicationId, issueId: draft.id, title: "Nyheter om bredband" });
    const before = (await loadIssuePreview(t.db, draft.id))!;
    const added = before.articles.find((a) => a.id === id)!;
    expect(added.status).toBe("draft");
    expect(articleMarkers(added, false)).toEqual(["Utkast", "Ingen text än"]);
    expect(before.articles.at(-1)!.id).toBe(id);

    await saveText(t.db, redaktor, {
      id,
      baseVersion: 1,
      title: "Nyheter om bredband",
      lead: "",
      slug: added.slug,
      tags: ["bredband"],
      coverMediaId: null,
      body: doc(p("Fibern når Norrbäcken i vår.")),
    });
    const after = (await loadIssuePreview(t.db, draft.id))!;
    const saved = after.articles.find((a) => a.id === id)!;
    expect(saved.body).toEqual(doc(p("Fibern når Norrbäcken i vår.")));
    expect(saved.tags).toEqual(["bredband"]);
    expect(articleMarkers(saved, false)).toEqual(["Utkast"]);
    expect(after.calendar).toEqual(await calendarForIssue(t.db, draft));
    // Nothing of it is public: readers' queries still do not find the issue.
    expect(await getIssue(t.db, draft.year, draft.number)).toBeNull();
  });

  it("shows a correction not yet public, since publishing now would make it so", async () => {
    const draft = (await issues()).find((row) => row.status === "draft")!;
    const [item] = await t.db.select({ id: contentItems.id }).from(contentItems).where(eq(contentItems.issueId, draft.id)).limit(1);
    await t.db.insert(corrections).values({ itemId: item!.id, text: "Mötet är på tisdag, inte måndag." });
    const preview = (await loadIssuePreview(t.db, draft.id))!;
    expect(preview.corrections.get(item!.id)?.map((c) => c.text)).toEqual(["Mötet är på tisdag, inte måndag."]);
    expect((await getCorrections(t.db, [item!.id])).get(item!.id)).toBeUndefined();
  });

  it("marks an article of a published issue edited since, and shows the new words", async () => {
    const issue = (await issues()).find((row) => row.status === "published")!;
    const before = (await loadIssuePreview(t.db, issue.id))!;
    const first = before.articles[0]!;
    const [row] = await t.db.select({ version: contentItems.version }).from(contentItems).where(eq(contentItems.id, first.id));
    await saveText(t.db, redaktor, {
      id: first.id,
      baseVersion: row!.version,
      title: first.title,
      lead: first.lead,
      slug: first.slug,
      tags: [...first.tags],
      coverMediaId: first.coverId,
      body: doc(p("En rättad mening.")),
    });
    const after = (await loadIssuePreview(t.db, issue.id))!;
    const edited = after.articles[0]!;
    expect(edited.body).toEqual(doc(p("En rättad mening.")));
    // Editing a published text makes a new draft; the live page keeps the published version.
    expect(articleMarkers(edited, true)).toEqual(["Utkast", "Ändrad sedan publiceringen"]);
    expect(previewSummary(after.issue, after.articles, new Date()).notes[0]).toMatch(/^Här visas de senaste versionerna: 1 artikel skiljer sig/);
    // Readers keep the published words.
    const web = (await getIssue(t.db, issue.year, issue.number))!;
    expect(web.articles[0]!.body).toEqual(first.body);
  });

  it("finds no issue that does not exist", async () => {
    expect(await loadIssuePreview(t.db, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});
