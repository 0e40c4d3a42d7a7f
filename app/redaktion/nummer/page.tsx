import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth/session";
import { formatDate, isoDate } from "@/lib/format";
import { proposeIssue } from "@/lib/issues/issues";
import { listIssues, listNewsletters } from "@/lib/issues/load-issue";
import { requirePermission } from "@/lib/auth/refuse";
import { STATUS_LABELS } from "@/lib/workflow/labels";
import { NewIssueForm } from "./new-issue-form";

export const metadata: Metadata = { title: "Nummer" };

export default async function IssuesPage() {
  const user = await requireUser("/redaktion/nummer");
  requirePermission(user, "issue.manage");
  const db = await getDb();
  const newsletters = await listNewsletters(db);
  const [issues, proposals] = await Promise.all([
    listIssues(
      db,
      newsletters.map((n) => n.id),
    ),
    // New issues only in a newsletter that is not archived (lib/publications/archived).
    Promise.all(newsletters.filter((n) => !n.archivedAt).map(async (n) => ({ id: n.id, name: n.name, ...(await proposeIssue(db, n.id)) }))),
  ]);
  const several = newsletters.length > 1;
  const nameOf = new Map(newsletters.map((n) => [n.id, n.name]));
  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold">Nummer</h1>
      {proposals.length === 0 ? <p>Det finns inget nyhetsbrev att göra nummer i. En administratör lägger upp det under Publikationer.</p> : <NewIssueForm proposals={proposals} />}
      <section aria-labelledby="alla-nummer">
        <h2 id="alla-nummer" className="text-2xl font-bold">
          Alla nummer
        </h2>
        {issues.length === 0 ? (
          <p className="mt-2 text-muted">Inga nummer ännu.</p>
        ) : (
          <table className="mt-2 w-full border-collapse text-left">
            <caption className="sr-only">Nyhetsbrevets nummer, det senaste först</caption>
            <thead>
              <tr className="border-b-2 border-gray-400">
                <th scope="col" className="py-2 pr-4">
                  Nummer
                </th>
                <th scope="col" className="py-2 pr-4">
                  År
                </th>
                <th scope="col" className="py-2 pr-4">
                  Tema
                </th>
                {several ? (
                  <th scope="col" className="py-2 pr-4">
                    Nyhetsbrev
                  </th>
                ) : null}
                <th scope="col" className="py-2 pr-4">
                  Status
                </th>
                <th scope="col" className="py-2 pr-4">
                  Antal artiklar
                </th>
                <th scope="col" className="py-2">
                  Publicerad
                </th>
              </tr>
            </thead>
            <tbody>
              {issues.map((issue) => (
                <tr key={issue.id} className="border-b border-gray-200">
                  <td className="py-2 pr-4 font-medium">
                    <Link className="text-brand underline-offset-4 hover:underline" href={`/redaktion/nummer/${issue.id}`}>
                      Nummer {issue.number} {issue.year}
                    </Link>
                  </td>
                  <td className="py-2 pr-4">{issue.year}</td>
                  <td className="py-2 pr-4">{issue.title || <span className="text-muted">–</span>}</td>
                  {several ? <td className="py-2 pr-4">{nameOf.get(issue.publicationId)}</td> : null}
                  <td className="py-2 pr-4">{STATUS_LABELS[issue.status]}</td>
                  <td className="py-2 pr-4 tabular-nums">{issue.articleCount}</td>
                  <td className="py-2">
                    {issue.publishedAt ? <time dateTime={isoDate(issue.publishedAt)}>{formatDate(issue.publishedAt)}</time> : <span className="text-muted">–</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
