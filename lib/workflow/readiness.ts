import type { JSONContent } from "@tiptap/core";
import type { WarningOverride } from "@/db/schema";
import { analyzeDocument, warningKey } from "@/lib/content/writing-help";
import { blockTexts } from "@/lib/content/text";
import type { WorkflowStatus } from "./labels";

/**
 * Why a text cannot go to review yet, in words the writer can act on. Every writing-help warning
 * must be fixed or kept with a reason ("Behåll med motivering"); a text with no words is not ready.
 */
export function textReadinessProblems(content: { title: string; lead: string; body: JSONContent }, overrides: readonly WarningOverride[]): string[] {
  const problems: string[] = [];
  if (content.title.trim() === "") problems.push("Texten saknar rubrik.");
  const hasWords = content.lead.trim() !== "" || blockTexts(content.body).some((text) => text.trim() !== "");
  if (!hasWords) problems.push("Texten är tom.");
  // A missing title is reported once, above.
  for (const warning of unresolvedWarnings(content, overrides).filter((w) => w.code !== "title-missing")) {
    problems.push(`${warning.message} Rätta det, eller välj "Behåll med motivering" i Skrivhjälpen.`);
  }
  return problems;
}

/** The writing-help warnings neither fixed nor kept with a reason: what the issue's overview counts. */
export function unresolvedWarnings(content: { title: string; lead: string; body: JSONContent }, overrides: readonly WarningOverride[]) {
  const kept = new Set(overrides.map((o) => o.key));
  return analyzeDocument(content.body, content).warnings.filter((warning) => !kept.has(warningKey(warning)));
}

/**
 * Why an article holds its issue back whatever its words: its writer has not sent it yet (a draft
 * never submitted; one whose approval an edit voided was submitted and may go on), or the utgivare
 * asked for changes to it that have not been answered by sending it again.
 */
export function articleStateProblem(article: { status: WorkflowStatus; submittedAt: Date | null }): string | null {
  if (article.status === "draft" && !article.submittedAt) return "Artikeln är ett utkast som inte har skickats för granskning.";
  if (article.status === "changes_requested") return "Ändringar är begärda i artikeln. Skribenten skickar den för granskning igen när de är gjorda.";
  return null;
}

type IssueArticle = { title: string; lead: string; body: JSONContent; warningOverrides: readonly WarningOverride[]; status: WorkflowStatus; submittedAt: Date | null };

/** The same for a newsletter issue: it needs articles, each sent by its writer, and each ready. */
export function issueReadinessProblems(articles: readonly IssueArticle[]): string[] {
  if (articles.length === 0) return ["Numret har inga artiklar."];
  return articles.flatMap((article) => {
    const state = articleStateProblem(article);
    return [...(state ? [state] : []), ...textReadinessProblems(article, article.warningOverrides)].map(
      (problem) => `${article.title.trim() || "Artikel utan rubrik"}: ${problem}`,
    );
  });
}
