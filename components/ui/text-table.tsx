import Link from "next/link";
import { STATUS_LABELS, type WorkflowStatus } from "@/lib/workflow/labels";
import { formatDateTime } from "@/lib/format";

type TextRow = {
  id: string;
  kind: "article" | "post";
  status: WorkflowStatus;
  updatedAt: Date;
  title: string;
  publicationName: string;
  issueYear: number | null;
  issueNumber: number | null;
};

function where(row: TextRow): string {
  if (row.kind === "post") return row.publicationName;
  return row.issueNumber ? `Nyhetsbrev nr ${row.issueNumber} ${row.issueYear}` : row.publicationName;
}

/** `linkTo` "review" sends the utgivare's queue straight to the review page. */
export function TextTable({ rows, caption, linkTo = "edit" }: { rows: readonly TextRow[]; caption: string; linkTo?: "edit" | "review" }) {
  if (rows.length === 0) return <p className="mt-2 text-muted">Inga texter.</p>;
  return (
    <table className="mt-2 w-full border-collapse text-left">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b-2 border-gray-400">
          <th scope="col" className="py-2 pr-4">
            Rubrik
          </th>
          <th scope="col" className="py-2 pr-4">
            Var
          </th>
          <th scope="col" className="py-2 pr-4">
            Status
          </th>
          <th scope="col" className="py-2">
            Senast ändrad
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} className="border-b border-gray-200">
            <td className="py-2 pr-4 font-medium">
              <Link className="text-brand underline-offset-4 hover:underline" href={`/redaktion/texter/${row.id}${linkTo === "review" ? "/granska" : ""}`}>
                {row.title || "(utan rubrik)"}
              </Link>
            </td>
            <td className="py-2 pr-4">{where(row)}</td>
            <td className="py-2 pr-4">{STATUS_LABELS[row.status]}</td>
            <td className="py-2">{formatDateTime(row.updatedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
