import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { TextTable } from "@/components/ui/text-table";
import { getDb } from "@/db/client";
import { listPublications, listTexts, listUsers } from "@/db/queries/editorial";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/permissions";
import { IN_PROGRESS_STATUSES, STATUS_LABELS, WORKFLOW_STATUSES } from "@/lib/workflow/labels";

export const metadata: Metadata = { title: "Texter" };

const filterSchema = z.object({
  status: z
    .union([z.enum(WORKFLOW_STATUSES), z.literal("alla")])
    .optional()
    .catch(undefined),
  publikation: z.uuid().optional().catch(undefined),
  forfattare: z
    .union([z.uuid(), z.literal("alla")])
    .optional()
    .catch(undefined),
});

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TextsPage({ searchParams }: Props) {
  const user = await requireUser("/redaktion/texter");
  const raw = await searchParams;
  const filters = filterSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const seesAll = can(user, "content.edit.any");
  // Writers who edit only their own texts see only their own. Those who edit everyone's see the
  // whole desk's work in progress by default: what waits for them is rarely their own text.
  const authorId = !seesAll ? user.id : filters.forfattare && filters.forfattare !== "alla" ? filters.forfattare : undefined;
  const status = filters.status === "alla" ? undefined : filters.status;
  const statuses = seesAll && !filters.status ? IN_PROGRESS_STATUSES : undefined;
  const db = await getDb();
  const [rows, pubs, people] = await Promise.all([
    listTexts(db, { status, statuses, publicationId: filters.publikation, authorId }),
    listPublications(db),
    seesAll ? listUsers(db) : Promise.resolve([]),
  ]);
  const select = "mt-1 block rounded border border-gray-500 px-2 py-1";
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">{seesAll ? "Texter" : "Mina texter"}</h1>
        {can(user, "content.create") ? (
          <Link href="/redaktion/texter/ny" className="rounded bg-brand px-4 py-2 font-semibold text-white">
            Ny text
          </Link>
        ) : null}
      </div>
      <form method="get" className="flex flex-wrap items-end gap-4 rounded bg-white p-3" aria-label="Filtrera texterna">
        <label>
          Status
          <select name="status" defaultValue={filters.status ?? ""} className={select}>
            {seesAll ? (
              <>
                <option value="">I arbete</option>
                <option value="alla">Alla</option>
              </>
            ) : (
              <option value="">Alla</option>
            )}
            {WORKFLOW_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Publicering
          <select name="publikation" defaultValue={filters.publikation ?? ""} className={select}>
            <option value="">Alla</option>
            {pubs.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        {seesAll ? (
          <label>
            Författare
            <select name="forfattare" defaultValue={filters.forfattare ?? "alla"} className={select}>
              <option value="alla">Alla</option>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.id === user.id ? `${p.name} (jag)` : p.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <button type="submit" className="rounded border border-brand px-3 py-1 font-semibold text-brand">
          Filtrera
        </button>
      </form>
      <TextTable rows={rows} caption="Texter" />
    </div>
  );
}
