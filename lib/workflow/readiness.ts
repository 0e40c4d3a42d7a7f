import type { JSONContent } from "@tiptap/core";
import type { WarningOverride } from "@/db/schema";
import { analyzeDocument, warningKey } from "@/lib/content/writing-help";
import { blockTexts } from "@/lib/content/text";

/**
 * Why a text cannot go to review yet, in words the writer can act on. Every writing-help warning
 * must be fixed or kept with a reason ("Behåll med motivering"); a text with no words is not ready.
 */
export function textReadinessProblems(content: { title: string; lead: string; body: JSONContent }, overrides: readonly WarningOverride[]): string[] {
  const problems: string[] = [];
  if (content.title.trim() === "") problems.push("Texten saknar rubrik.");
  const hasWords = content.lead.trim() !== "" || blockTexts(content.body).some((text) => text.trim() !== "");
  if (!hasWords) problems.push("Texten är tom.");
  const kept = new Set(overrides.map((o) => o.key));
  for (const warning of analyzeDocument(content.body, content).warnings) {
    // A missing title is reported once, above.
    if (warning.code === "title-missing" || kept.has(warningKey(warning))) continue;
    problems.push(`${warning.message} Rätta det, eller välj "Behåll med motivering" i Skrivhjälpen.`);
  }
  return problems;
}

/** The same for a newsletter issue: it needs articles, and each of them must be ready. */
export function issueReadinessProblems(articles: readonly { title: string; lead: string; body: JSONContent; warningOverrides: readonly WarningOverride[] }[]): string[] {
  if (articles.length === 0) return ["Numret har inga artiklar."];
  return articles.flatMap((article) =>
    textReadinessProblems(article, article.warningOverrides).map((problem) => `${article.title.trim() || "Artikel utan rubrik"}: ${problem}`),
  );
}
