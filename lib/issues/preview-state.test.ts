import { describe, expect, it } from "vitest";
import { doc, p } from "@/lib/content/build";
import { articleMarkers, articleNeedsWork, issueIsLiveAt, previewPublishedAt, previewSummary, type PreviewArticleState, type PreviewIssueState } from "./preview-state";

const NOW = new Date("2026-12-02T10:00:00Z");
const issue = (over: Partial<PreviewIssueState> = {}): PreviewIssueState => ({
  number: 12,
  year: 2026,
  status: "draft",
  publishedAt: null,
  scheduledAt: null,
  withdrawnAt: null,
  ...over,
});
const article = (over: Partial<PreviewArticleState> = {}): PreviewArticleState => ({
  status: "in_review",
  title: "Simhallen renoveras",
  lead: "",
  body: doc(p("Simhallen stänger i tre veckor.")),
  currentRevisionId: "r2",
  publishedRevisionId: null,
  ...over,
});
const published = issue({ status: "published", publishedAt: new Date("2026-11-30T08:00:00Z") });

describe("articleMarkers", () => {
  it("names the state of every article, and what it lacks", () => {
    expect(articleMarkers(article(), false)).toEqual(["Granskas"]);
    expect(articleMarkers(article({ status: "draft", title: " ", body: doc(p("")) }), false)).toEqual(["Utkast", "Saknar rubrik", "Ingen text än"]);
    // A lead alone is words a reader reads.
    expect(articleMarkers(article({ status: "changes_requested", lead: "Ingress.", body: doc() }), false)).toEqual(["Ändringar begärda"]);
  });

  it("in a live issue, marks what publishing again would change", () => {
    expect(articleMarkers(article({ status: "published", currentRevisionId: "r1", publishedRevisionId: "r1" }), true)).toEqual(["Publicerad"]);
    expect(articleMarkers(article({ status: "published", currentRevisionId: "r2", publishedRevisionId: "r1" }), true)).toEqual(["Publicerad", "Ändrad sedan publiceringen"]);
    expect(articleMarkers(article({ status: "draft" }), true)).toEqual(["Utkast", "Inte publicerad"]);
    // Before the issue is out nothing is live, so "not published" would say nothing.
    expect(articleMarkers(article({ status: "approved" }), false)).toEqual(["Godkänd"]);
  });
});

describe("articleNeedsWork", () => {
  it("holds back drafts, requested changes, and texts without a title or words", () => {
    expect(articleNeedsWork(article())).toBe(false);
    expect(articleNeedsWork(article({ status: "approved" }))).toBe(false);
    expect(articleNeedsWork(article({ status: "draft" }))).toBe(true);
    expect(articleNeedsWork(article({ status: "changes_requested" }))).toBe(true);
    expect(articleNeedsWork(article({ title: "" }))).toBe(true);
    expect(articleNeedsWork(article({ body: doc() }))).toBe(true);
  });
});

describe("previewSummary", () => {
  it("says an unpublished issue is not published, and how many articles are not ready", () => {
    const summary = previewSummary(issue(), [article(), article({ status: "draft" }), article({ body: doc() })], NOW);
    expect(summary.heading).toBe("Förhandsgranskning – så här ser nummer 12 2026 ut för läsarna om det publiceras nu. Numret är inte publicerat.");
    expect(summary.notes).toEqual(["2 artiklar är inte klara: se markeringarna i listan nedan."]);
    expect(previewSummary(issue(), [article({ status: "draft" })], NOW).notes).toEqual(["1 artikel är inte klar: se markeringarna i listan nedan."]);
    expect(previewSummary(issue(), [], NOW).notes).toEqual(["Numret har inga artiklar än."]);
  });

  it("gives a scheduled issue its time and a withdrawn one its state", () => {
    const scheduled = issue({ status: "scheduled", scheduledAt: new Date("2026-12-03T07:00:00Z") });
    expect(previewSummary(scheduled, [article({ status: "scheduled" })], NOW).notes).toEqual(["Numret är schemalagt att publiceras 3 december 2026 kl. 08.00."]);
    const withdrawn = issue({ status: "withdrawn", publishedAt: new Date("2026-11-01T08:00:00Z"), withdrawnAt: new Date("2026-11-02T08:00:00Z") });
    expect(previewSummary(withdrawn, [article({ status: "withdrawn" })], NOW)).toEqual({
      heading: "Förhandsgranskning – så här ser nummer 12 2026 ut för läsarna om det publiceras nu. Numret är inte publicerat.",
      notes: ["Numret är avpublicerat och syns inte för läsarna."],
    });
  });

  it("for a published issue, says when, and what the preview shows that readers do not", () => {
    const same = article({ status: "published", currentRevisionId: "r1", publishedRevisionId: "r1" });
    const edited = article({ status: "published", currentRevisionId: "r2", publishedRevisionId: "r1" });
    expect(previewSummary(published, [same], NOW)).toEqual({
      heading: "Förhandsgranskning – nummer 12 2026 publicerades 30 november 2026.",
      notes: ["Så här ser det ut för läsarna. Inget har ändrats sedan publiceringen."],
    });
    expect(previewSummary(published, [same, edited], NOW).notes).toEqual([
      "Här visas de senaste versionerna: 1 artikel skiljer sig från det som läsarna ser nu och är markerad i listan nedan.",
    ]);
  });
});

describe("the date an issue's header would print", () => {
  it("keeps a publishing date, gives a scheduled issue its time, else today", () => {
    expect(issueIsLiveAt(published, NOW)).toBe(true);
    expect(issueIsLiveAt(issue({ publishedAt: new Date("2026-12-24T08:00:00Z") }), NOW)).toBe(false);
    expect(previewPublishedAt(published, NOW)).toEqual(published.publishedAt);
    expect(previewPublishedAt(issue({ status: "scheduled", scheduledAt: new Date("2026-12-03T07:00:00Z") }), NOW)).toEqual(new Date("2026-12-03T07:00:00Z"));
    expect(previewPublishedAt(issue(), NOW)).toEqual(NOW);
  });
});
