import type { JSONContent } from "@tiptap/core";
import { blockTexts } from "@/lib/content/text";
import { formatDate, formatDateTime } from "@/lib/format";
import { STATUS_LABELS, type WorkflowStatus } from "@/lib/workflow/labels";

/**
 * What the whole-issue preview tells the staff beside the issue itself: the state of the issue and
 * of each article, so the kommunchef sees what is not ready before pressing "Godkänn". Pure, so the
 * words can be tested without a database.
 */

export type PreviewIssueState = {
  number: number;
  year: number;
  status: WorkflowStatus;
  publishedAt: Date | null;
  scheduledAt: Date | null;
  withdrawnAt: Date | null;
};

export type PreviewArticleState = {
  status: WorkflowStatus;
  title: string;
  lead: string;
  body: JSONContent;
  currentRevisionId: string | null;
  publishedRevisionId: string | null;
};

/** Readers see the issue now: published, its time come, not withdrawn (as issueIsLive says). */
export function issueIsLiveAt(issue: PreviewIssueState, now: Date): boolean {
  return Boolean(issue.publishedAt && issue.publishedAt <= now && !issue.withdrawnAt);
}

/**
 * The date the issue's header would print if it were published as planned: publishing keeps an
 * earlier date (a withdrawn issue published again), a scheduled issue gets its time, else today.
 */
export function previewPublishedAt(issue: PreviewIssueState, now: Date): Date {
  return issue.publishedAt ?? (issue.status === "scheduled" ? issue.scheduledAt : null) ?? now;
}

function hasWords(article: PreviewArticleState): boolean {
  return article.lead.trim() !== "" || blockTexts(article.body).some((text) => text.trim() !== "");
}

/** An article a reader would see changed (or appear) if the live issue were published again. */
export function changedSinceLive(article: PreviewArticleState): boolean {
  return article.currentRevisionId !== article.publishedRevisionId;
}

/**
 * The staff-only markers of one article: its workflow state always, then what is missing or what
 * publishing again would change. The first is the status label (lib/workflow/labels).
 */
export function articleMarkers(article: PreviewArticleState, issueLive: boolean): string[] {
  const markers = [STATUS_LABELS[article.status]];
  if (article.title.trim() === "") markers.push("Saknar rubrik");
  if (!hasWords(article)) markers.push("Ingen text än");
  if (issueLive && changedSinceLive(article)) markers.push(article.publishedRevisionId ? "Ändrad sedan publiceringen" : "Inte publicerad");
  return markers;
}

/** Not ready to go out: its writer has not sent it, changes are asked for, or it has no title or words. */
export function articleNeedsWork(article: PreviewArticleState): boolean {
  return article.status === "draft" || article.status === "changes_requested" || article.title.trim() === "" || !hasWords(article);
}

const articlesWord = (n: number) => (n === 1 ? "1 artikel" : `${n} artiklar`);

/** The banner's words: what the preview shows, and what in it is not ready or not yet live. */
export function previewSummary(issue: PreviewIssueState, articles: readonly PreviewArticleState[], now: Date): { heading: string; notes: string[] } {
  const name = `nummer ${issue.number} ${issue.year}`;
  const notes: string[] = [];
  if (issueIsLiveAt(issue, now)) {
    const changed = articles.filter(changedSinceLive).length;
    const heading = `Förhandsgranskning – ${name} publicerades ${formatDate(issue.publishedAt!)}.`;
    notes.push(
      changed === 0
        ? "Så här ser det ut för läsarna. Inget har ändrats sedan publiceringen."
        : `Här visas de senaste versionerna: ${articlesWord(changed)} skiljer sig från det som läsarna ser nu och är ${changed === 1 ? "markerad" : "markerade"} i listan nedan.`,
    );
    return { heading, notes };
  }
  const heading = `Förhandsgranskning – så här ser ${name} ut för läsarna om det publiceras nu. Numret är inte publicerat.`;
  if (issue.status === "scheduled" && issue.scheduledAt) notes.push(`Numret är schemalagt att publiceras ${formatDateTime(issue.scheduledAt)}.`);
  if (issue.status === "withdrawn") notes.push("Numret är avpublicerat och syns inte för läsarna.");
  if (articles.length === 0) notes.push("Numret har inga artiklar än.");
  const unready = articles.filter(articleNeedsWork).length;
  if (unready > 0) notes.push(`${articlesWord(unready)} är inte ${unready === 1 ? "klar" : "klara"}: se markeringarna i listan nedan.`);
  return { heading, notes };
}
