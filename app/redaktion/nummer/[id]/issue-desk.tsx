import "server-only";
import type { WorkflowAsk } from "@/components/workflow/workflow-panel";
import { listIssueArticleRevisions, listOpenTextComments } from "@/db/queries/issues";
import type { Db } from "@/db/types";
import { readingOrder } from "@/lib/issues/order";
import { STATUS_LABELS } from "@/lib/workflow/labels";
import { articleStateProblem, issueReadinessProblems, unresolvedWarnings } from "@/lib/workflow/readiness";
import type { WorkflowAction } from "@/lib/workflow/transitions";

export type DeskArticle = {
  id: string;
  title: string;
  statusLabel: string;
  /** Why the article holds the issue back now, if it does (lib/workflow/readiness). */
  holdsBack: string | null;
  openComments: { body: string; author: string }[];
  warnings: number;
};

/** Each article of the issue with what the desk needs to know before sending or approving it. */
export async function issueDesk(db: Db, issueId: string) {
  const rows = await listIssueArticleRevisions(db, issueId);
  const ordered = readingOrder(rows.map((r) => ({ ...r, id: r.item.id, placement: r.item.placement, position: r.item.position })));
  const ids = ordered.map((r) => r.id);
  const comments = await listOpenTextComments(db, ids);
  const articles: DeskArticle[] = ordered.map(({ item, revision }) => ({
    id: item.id,
    title: revision.title.trim() || "(utan rubrik)",
    statusLabel: STATUS_LABELS[item.status],
    holdsBack: articleStateProblem(item),
    openComments: comments.filter((c) => c.itemId === item.id).map((c) => ({ body: c.body, author: c.author ?? "okänd" })),
    warnings: unresolvedWarnings(revision, item.warningOverrides).length,
  }));
  const problems = issueReadinessProblems(
    ordered.map(({ item, revision }) => ({ ...revision, warningOverrides: item.warningOverrides, status: item.status, submittedAt: item.submittedAt })),
  );
  return { articles, problems };
}

/** The issue's articles as a table: status, open comments, unresolved writing-help warnings. */
export function DeskTable({ articles }: { articles: DeskArticle[] }) {
  return (
    <table className="w-full border-collapse text-left text-sm">
      <caption className="sr-only">Artiklarna i numret</caption>
      <thead>
        <tr className="border-b border-gray-400">
          <th scope="col" className="py-1 pr-2">
            Artikel
          </th>
          <th scope="col" className="py-1 pr-2">
            Status
          </th>
          <th scope="col" className="py-1 pr-2">
            Öppna kommentarer
          </th>
          <th scope="col" className="py-1">
            Varningar i skrivhjälpen
          </th>
        </tr>
      </thead>
      <tbody>
        {articles.map((a) => (
          <tr key={a.id} className="border-b border-gray-200 align-top">
            <th scope="row" className="py-1 pr-2 font-semibold">
              {a.title}
            </th>
            <td className="py-1 pr-2">
              {a.statusLabel}
              {a.holdsBack ? <span className="block text-red-800">{a.holdsBack}</span> : null}
            </td>
            <td className="py-1 pr-2">{a.openComments.length}</td>
            <td className="py-1">{a.warnings}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The questions the issue's workflow panel asks first. "Skicka för granskning" shows the articles
 * and, while one holds the issue back, says why and offers nothing to confirm; "Godkänn" names the
 * open comments, if any, before the utgivare approves past them.
 */
export function issueAsks(desk: Awaited<ReturnType<typeof issueDesk>>): Partial<Record<WorkflowAction, WorkflowAsk>> {
  const blocked = desk.problems.length > 0;
  const open = desk.articles.flatMap((a) => a.openComments.map((c) => ({ ...c, title: a.title })));
  const asks: Partial<Record<WorkflowAction, WorkflowAsk>> = {
    submit: {
      title: blocked ? "Numret kan inte skickas för granskning ännu" : "Skicka numret för granskning?",
      confirmLabel: "Skicka för granskning",
      blocked,
      body: (
        <div className="space-y-3">
          <DeskTable articles={desk.articles} />
          {blocked ? (
            <div role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3">
              <p className="font-semibold">Det här måste ordnas först:</p>
              <ul className="mt-1 list-disc pl-5">
                {desk.problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            </div>
          ) : (
            <p>Ansvarig utgivare får ett meddelande och granskar numret med alla artiklar som det står nu.</p>
          )}
        </div>
      ),
    },
  };
  if (open.length > 0) {
    asks.approve = {
      title: `Godkänna numret med ${open.length === 1 ? "en öppen kommentar" : `${open.length} öppna kommentarer`}?`,
      confirmLabel: "Godkänn ändå",
      body: (
        <div className="space-y-2">
          <p>De här kommentarerna är inte markerade som lösta:</p>
          <ul className="list-disc space-y-1 pl-5">
            {open.map((c, index) => (
              <li key={index}>
                <strong>{c.title}</strong>: ”{c.body}” ({c.author})
              </li>
            ))}
          </ul>
          <p>Godkänner du nu publiceras numret som det står, och kommentarerna ligger kvar.</p>
        </div>
      ),
    };
  }
  return asks;
}
