import type { Metadata } from "next";
import Link from "next/link";
import { ImportForm, type ImportSummary } from "@/components/subscriptions/import-form";
import { getDb } from "@/db/client";
import { countSubscribersPerPublication, getSubscriber, listFollowablePublications, listRecentSubscriberChanges, searchSubscribers } from "@/db/queries/subscribers";
import { requireUser } from "@/lib/auth/session";
import { formatDate, formatDateTime } from "@/lib/format";
import { parsePage } from "@/lib/mail/outbox";
import { requirePermission } from "@/lib/auth/refuse";
import { deleteSubscriberAction, resumeSubscriberAction } from "./actions";

export const metadata: Metadata = { title: "Prenumeranter" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

const CHANGE_LABELS: Record<string, string> = {
  "subscriber.confirmed": "Bekräftade prenumeration",
  "subscriber.left": "Avslutade prenumerationen",
  "subscriber.left_some": "Avslutade en del",
  "subscriber.deleted": "Raderades på begäran",
};

export default async function SubscribersPage({ searchParams }: Props) {
  const user = await requireUser("/redaktion/prenumeranter");
  requirePermission(user, "subscribers.manage");
  const params = await searchParams;
  const query = one(params.q).trim().slice(0, 254);
  const page = parsePage(params.sida);
  const db = await getDb();
  const [counts, changes, publications, found] = await Promise.all([
    countSubscribersPerPublication(db),
    listRecentSubscriberChanges(db),
    listFollowablePublications(db),
    searchSubscribers(db, query, page),
  ]);
  const names = new Map(publications.map((p) => [p.id, p.name]));
  const toDelete = /^[0-9a-f-]{36}$/.test(one(params.radera)) ? await getSubscriber(db, one(params.radera)) : null;
  const summary = params.import_requested !== undefined ? importSummary(params) : null;
  const pageHref = (n: number) => `/redaktion/prenumeranter?${new URLSearchParams({ q: query, sida: String(n) })}`;
  const cell = "py-2 pr-4";

  return (
    <div className="space-y-10">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-3xl font-bold">Prenumeranter</h1>
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a CSV download from a route handler, not a page: a full request, never a client navigation */}
        <a className="rounded border border-brand px-3 py-1 font-semibold text-brand" href="/redaktion/prenumeranter/export">
          Exportera som CSV
        </a>
      </div>
      {params.raderad ? (
        <p role="status" className="rounded border-l-4 border-brand bg-blue-50 p-3">
          Personens uppgifter är raderade.
        </p>
      ) : null}
      {params.aterupptagen ? (
        <p role="status" className="rounded border-l-4 border-brand bg-blue-50 p-3">
          Adressen får utskick igen från nästa nummer.
        </p>
      ) : null}
      {params.fel ? (
        <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
          {one(params.fel)}
        </p>
      ) : null}

      <table className="w-full border-collapse text-left">
        <caption className="text-left text-2xl font-bold">Per publikation</caption>
        <thead>
          <tr className="border-b-2 border-gray-400">
            <th scope="col" className={cell}>
              Publikation
            </th>
            <th scope="col" className={cell}>
              Bekräftade
            </th>
            <th scope="col" className={cell}>
              Väntar på bekräftelse
            </th>
          </tr>
        </thead>
        <tbody>
          {counts.map((row) => (
            <tr key={row.id} className="border-b border-gray-200">
              <th scope="row" className={`${cell} font-medium`}>
                {row.name}
              </th>
              <td className={cell}>{row.confirmed}</td>
              <td className={cell}>{row.pending}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <section aria-labelledby="hitta" className="space-y-3">
        <h2 id="hitta" className="text-2xl font-bold">
          Hitta en person
        </h2>
        <form method="get" action="/redaktion/prenumeranter" className="flex flex-wrap items-end gap-2">
          <div>
            <label htmlFor="sok-adress" className="block font-semibold">
              E-postadress eller dess början
            </label>
            <input id="sok-adress" name="q" type="search" defaultValue={query} maxLength={254} className="mt-1 w-80 rounded border border-gray-500 px-3 py-2" />
          </div>
          <button type="submit" className="rounded bg-brand px-4 py-2 font-semibold text-white">
            Sök
          </button>
        </form>
        {toDelete ? (
          <div role="alert" className="space-y-2 rounded border-2 border-red-700 bg-red-50 p-4">
            <p className="font-semibold">Radera {toDelete.email} och allt vi har sparat om personen?</p>
            <p>Det går inte att ångra. Adressen kan inte importeras igen; bara personen själv kan anmäla sig på nytt.</p>
            <form action={deleteSubscriberAction} className="flex gap-3">
              <input type="hidden" name="id" value={toDelete.id} />
              <button type="submit" className="rounded bg-red-700 px-4 py-2 font-semibold text-white">
                Radera permanent
              </button>
              <Link className="px-4 py-2 underline" href={pageHref(page)}>
                Avbryt
              </Link>
            </form>
          </div>
        ) : null}
        {query ? (
          found.rows.length === 0 ? (
            <p>Ingen adress börjar med ”{query}”.</p>
          ) : (
            <table className="w-full border-collapse text-left">
              <caption className="sr-only">Sökträffar</caption>
              <thead>
                <tr className="border-b-2 border-gray-400">
                  <th scope="col" className={cell}>
                    E-post
                  </th>
                  <th scope="col" className={cell}>
                    Prenumererar på
                  </th>
                  <th scope="col" className={cell}>
                    Bekräftad
                  </th>
                  <th scope="col" className={cell}>
                    <span className="sr-only">Åtgärd</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {found.rows.map((row) => (
                  <tr key={row.id} className="border-b border-gray-200">
                    <td className={`${cell} break-all`}>{row.email}</td>
                    <td className={cell}>{row.publications.map((p) => p.name).join(", ") || "–"}</td>
                    <td className={cell}>
                      {row.confirmedAt ? formatDate(row.confirmedAt) : "Väntar på bekräftelse"}
                      {row.pausedAt ? (
                        <form action={resumeSubscriberAction} className="mt-1">
                          <p>Pausad sedan {formatDate(row.pausedAt)}: tre utskick i rad kom inte fram.</p>
                          <input type="hidden" name="id" value={row.id} />
                          <input type="hidden" name="tillbaka" value={pageHref(page)} />
                          <button type="submit" className="mt-1 rounded border border-brand px-3 py-1 font-semibold text-brand">
                            Återuppta utskick
                          </button>
                        </form>
                      ) : null}
                    </td>
                    <td className={cell}>
                      <Link className="text-red-800 underline" href={`${pageHref(page)}&radera=${row.id}`}>
                        Radera uppgifter
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        ) : null}
        {found.pageCount > 1 ? (
          <nav aria-label="Sidor med sökträffar" className="flex items-center gap-4">
            {page > 1 ? (
              <Link className="underline" href={pageHref(page - 1)}>
                Föregående sida
              </Link>
            ) : null}
            <span>
              Sida {page} av {found.pageCount}
            </span>
            {page < found.pageCount ? (
              <Link className="underline" href={pageHref(page + 1)}>
                Nästa sida
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>

      <section aria-labelledby="andringar" className="space-y-3">
        <h2 id="andringar" className="text-2xl font-bold">
          Senaste ändringar
        </h2>
        {changes.length === 0 ? (
          <p className="text-muted">Inga ändringar ännu.</p>
        ) : (
          <ul className="space-y-1">
            {changes.map((change) => {
              const ids = Array.isArray(change.details.publicationIds) ? (change.details.publicationIds as string[]) : [];
              return (
                <li key={change.id}>
                  <time dateTime={change.at.toISOString()}>{formatDateTime(change.at)}</time>: {CHANGE_LABELS[change.action] ?? change.action}
                  {ids.length ? ` (${ids.map((id) => names.get(id) ?? "borttagen publikation").join(", ")})` : ""}
                  {change.email ? <span className="break-all"> – {change.email}</span> : null}
                  {change.action === "subscriber.deleted" ? <span className="text-muted"> av {change.actorLabel}</span> : null}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <ImportForm publications={publications} summary={summary} error={params.importfel ? one(params.importfel) : null} />
    </div>
  );
}

function importSummary(params: Record<string, string | string[] | undefined>): ImportSummary {
  const keys = ["requested", "alreadySubscribed", "pending", "suppressed", "invalid", "duplicates", "limited"] as const;
  return Object.fromEntries(keys.map((key) => [key, Number(one(params[`import_${key}`])) || 0]));
}
