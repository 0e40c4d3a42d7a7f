import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { TextTable } from "@/components/ui/text-table";
import { getDb } from "@/db/client";
import { listPublications, listTexts, listUsers } from "@/db/queries/editorial";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/permissions";
import { STATUS_LABELS, WORKFLOW_STATUSES } from "@/lib/workflow/labels";

export const metadata: Metadata = { title: "Mina texter" };

const filterSchema = z.object({
  status: z.enum(WORKFLOW_STATUSES).optional().catch(undefined),
  publikation: z.uuid().optional().catch(undefined),
  forfattare: z.union([z.uuid(), z.literal("alla")]).optional().catch(undefined),
});

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TextsPage({ searchParams }: Props) {
  const user = await requireUser("/redaktion/texter");
  const raw = await searchParams;
  const filters = filterSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const seesAll = can(user, "content.edit.any");
  // Writers who edit only their own texts see only their own; others default to their own.
  const authorId = !seesAll ? user.id : filters.forfattare === "alla" ? undefined : (filters.forfattare ?? user.id);
  const db = await getDb();
  const [rows, pubs, people] = await Promise.all([
    listTexts(db, { status: filters.status, publicationId: filters.publikation, authorId }),
    listPublications(db),
    seesAll ? listUsers(db) : Promise.resolve([]),
  ]);
  const select = "mt-1 block rounded border border-gray-500 px-2 py-1";
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">Mina texter</h1>
        {can(user, "content.create") ? (
          <Link href="/redaktion/texter/ny" className="rounded bg-brand px-4 py-2 font-semibold text-white">Ny text</Link>
        ) : null}
      </div>
      <form method="get" className="flex flex-wrap items-end gap-4 rounded bg-white p-3" aria-label="Filtrera texterna">
        <label>Status
          <select name="status" defaultValue={filters.status ?? ""} className={select}>
            <option value="">Alla</option>
            {WORKFLOW_STATUSES.map((s) => <option key={s} value={s}>{STATUS_LABELS[s]}</option>)}
          </select>
        </label>
        <label>Publicering
          <select name="publikation" defaultValue={filters.publikation ?? ""} className={select}>
            <option value="">Alla</option>
            {pubs.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </label>
        {seesAll ? (
          <label>Författare
            <select name="forfattare" defaultValue={filters.forfattare ?? user.id} className={select}>
              <option value="alla">Alla</option>
              {people.map((p) => <option key={p.id} value={p.id}>{p.id === user.id ? `${p.name} (jag)` : p.name}</option>)}
            </select>
          </label>
        ) : null}
        <button type="submit" className="rounded border border-brand px-3 py-1 font-semibold text-brand">Filtrera</button>
      </form>
      <TextTable rows={rows} caption="Texter" />
    </div>
  );
}
