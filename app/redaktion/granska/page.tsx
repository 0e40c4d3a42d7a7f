import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { listReviewQueue } from "@/db/queries/review";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { requirePermission } from "@/lib/auth/refuse";

export const metadata: Metadata = { title: "Att granska" };

export default async function ReviewQueuePage() {
  const user = await requireUser("/redaktion/granska");
  requirePermission(user, "content.approve");
  const { texts, issues } = await listReviewQueue(await getDb());
  const sent = (by: string | null, at: Date | null) => (at ? `${by ?? "okänd"}, ${formatDateTime(at)}` : (by ?? "–"));

  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">Att granska</h1>
      <section aria-labelledby="queue-texts">
        <h2 id="queue-texts" className="text-xl font-bold">
          Texter
        </h2>
        {texts.length === 0 ? (
          <p className="mt-2">Inga texter väntar på granskning.</p>
        ) : (
          <table className="mt-2 w-full border-collapse text-left">
            <caption className="sr-only">Texter som väntar på granskning, den som väntat längst först</caption>
            <thead>
              <tr className="border-b-2 border-gray-400">
                <th scope="col" className="py-2 pr-4">
                  Rubrik
                </th>
                <th scope="col" className="py-2 pr-4">
                  Var
                </th>
                <th scope="col" className="py-2 pr-4">
                  Version
                </th>
                <th scope="col" className="py-2">
                  Skickad av
                </th>
              </tr>
            </thead>
            <tbody>
              {texts.map((text) => (
                <tr key={text.id} className="border-b border-gray-200">
                  <td className="py-2 pr-4 font-medium">
                    <Link className="text-brand underline" href={`/redaktion/texter/${text.id}/granska`}>
                      {text.title || "(utan rubrik)"}
                    </Link>
                  </td>
                  <td className="py-2 pr-4">{text.kind === "post" ? text.publicationName : `Nyhetsbrev nr ${text.issueNumber} ${text.issueYear}`}</td>
                  <td className="py-2 pr-4">{text.version}</td>
                  <td className="py-2">{sent(text.submittedBy, text.submittedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="queue-issues">
        <h2 id="queue-issues" className="text-xl font-bold">
          Nummer
        </h2>
        {issues.length === 0 ? (
          <p className="mt-2">Inga nummer väntar på granskning.</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {issues.map((issue) => (
              <li key={issue.id}>
                <Link className="font-medium text-brand underline" href={`/redaktion/nummer/${issue.id}`}>
                  {issue.publicationName}, nummer {issue.number} {issue.year}
                  {issue.title ? ` – ${issue.title}` : ""}
                </Link>{" "}
                <span>(skickat av {sent(issue.submittedBy, issue.submittedAt)})</span>{" "}
                <Link className="text-brand underline" href={`/redaktion/nummer/${issue.id}/forhandsgranska`}>
                  Förhandsgranska numret
                  <span className="sr-only">
                    {" "}
                    {issue.number} {issue.year}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
