import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { getDb } from "@/db/client";
import { listAuditActions, listAuditActors, listAuditEntries, type AuditRow } from "@/db/queries/audit";
import { auditActionLabel } from "@/lib/audit-labels";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { requirePermission } from "@/lib/auth/refuse";

export const metadata: Metadata = { title: "Logg" };

// Invalid values fall back to "no filter" instead of an error page: these come from hand-edited URLs.
const filterSchema = z.object({
  person: z.uuid().optional().catch(undefined),
  atgard: z.string().trim().min(1).max(100).optional().catch(undefined),
  sok: z.string().trim().min(1).max(200).optional().catch(undefined),
  text: z.uuid().optional().catch(undefined),
  fran: z.iso.date().optional().catch(undefined),
  till: z.iso.date().optional().catch(undefined),
  sida: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
type Filters = z.infer<typeof filterSchema>;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function pageHref(filters: Filters, page: number): string {
  const params = new URLSearchParams();
  for (const key of ["person", "atgard", "sok", "text", "fran", "till"] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (page > 1) params.set("sida", String(page));
  const query = params.toString();
  return query ? `/redaktion/logg?${query}` : "/redaktion/logg";
}

function EntityLink({ row }: { row: AuditRow }) {
  if (row.entityType === "item") {
    return (
      <Link href={`/redaktion/texter/${row.entityId}`} className="text-brand underline">
        {row.itemTitle ?? "Texten"}
      </Link>
    );
  }
  if (row.entityType === "issue") {
    return (
      <Link href={`/redaktion/nummer/${row.entityId}`} className="text-brand underline">
        {row.issueNumber !== null ? `Nummer ${row.issueNumber} ${row.issueYear}` : "Numret"}
      </Link>
    );
  }
  return null;
}

export default async function AuditLogPage({ searchParams }: Props) {
  const user = await requireUser("/redaktion/logg");
  requirePermission(user, "audit.read");
  const raw = await searchParams;
  const filters = filterSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const db = await getDb();
  const [result, actors, actions] = await Promise.all([
    listAuditEntries(db, {
      actorId: filters.person,
      action: filters.atgard,
      itemId: filters.text,
      query: filters.sok,
      from: filters.fran,
      to: filters.till,
      page: filters.sida,
    }),
    listAuditActors(db),
    listAuditActions(db),
  ]);
  const field = "mt-1 block rounded border border-gray-500 px-2 py-1";
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold">Logg</h1>
        <p className="mt-1 text-muted">Vem som gjorde vad och när. Loggen kan inte ändras eller raderas.</p>
      </div>
      <form method="get" className="flex flex-wrap items-end gap-4 rounded bg-white p-3" aria-label="Filtrera loggen">
        <label>
          Person
          <select name="person" defaultValue={filters.person ?? ""} className={field}>
            <option value="">Alla</option>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Åtgärd
          <select name="atgard" defaultValue={filters.atgard ?? ""} className={field}>
            <option value="">Alla</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {auditActionLabel(a)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Text eller nummer
          <input type="search" name="sok" defaultValue={filters.sok ?? ""} maxLength={200} className={field} />
        </label>
        <label>
          Från
          <input type="date" name="fran" defaultValue={filters.fran ?? ""} className={field} />
        </label>
        <label>
          Till
          <input type="date" name="till" defaultValue={filters.till ?? ""} className={field} />
        </label>
        {/* Kept so that "Visa i loggen" from one text stays on that text while other filters change. */}
        {filters.text ? <input type="hidden" name="text" value={filters.text} /> : null}
        <button type="submit" className="rounded border border-brand px-3 py-1 font-semibold text-brand">
          Filtrera
        </button>
      </form>
      {filters.text ? (
        <p>
          Visar bara händelser för en text.{" "}
          <Link href={pageHref({ ...filters, text: undefined }, 1)} className="text-brand underline">
            Visa alla texter
          </Link>
        </p>
      ) : null}
      {result.rows.length === 0 ? (
        <p>Inga händelser matchar filtret.</p>
      ) : (
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">Händelser i loggen, nyaste först</caption>
          <thead>
            <tr className="border-b-2 border-gray-400">
              <th scope="col" className="py-2 pr-4">
                Tid
              </th>
              <th scope="col" className="py-2 pr-4">
                Vem
              </th>
              <th scope="col" className="py-2 pr-4">
                Åtgärd
              </th>
              <th scope="col" className="py-2">
                Vad
              </th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((row) => (
              <tr key={row.id} className="border-b border-gray-200 align-top">
                <td className="whitespace-nowrap py-2 pr-4">
                  <time dateTime={row.at.toISOString()}>{formatDateTime(row.at)}</time>
                </td>
                <td className="py-2 pr-4">{row.actorLabel}</td>
                <td className="py-2 pr-4">{auditActionLabel(row.action)}</td>
                <td className="py-2">
                  {row.summary}
                  {row.summary && (row.entityType === "item" || row.entityType === "issue") ? " · " : null}
                  <EntityLink row={row} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {result.page > 1 || result.hasNext ? (
        <nav aria-label="Sidor i loggen" className="flex gap-6">
          {result.page > 1 ? (
            <Link href={pageHref(filters, result.page - 1)} className="text-brand underline" rel="prev">
              Föregående
            </Link>
          ) : null}
          <span>Sida {result.page}</span>
          {result.hasNext ? (
            <Link href={pageHref(filters, result.page + 1)} className="text-brand underline" rel="next">
              Nästa
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
