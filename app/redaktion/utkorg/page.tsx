import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { formatDateTime } from "@/lib/format";
import { mailKindLabel, MAIL_STATUS_LABELS } from "@/lib/mail/labels";
import { listOutbox, parsePage } from "@/lib/mail/outbox";
import { requirePermission } from "@/lib/auth/refuse";

export const metadata: Metadata = { title: "Utkorg" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OutboxPage({ searchParams }: Props) {
  const user = await requireUser("/redaktion/utkorg");
  requirePermission(user, "outbox.read");
  const page = parsePage((await searchParams).sida);
  const db = await getDb();
  const { rows, total, pageCount } = await listOutbox(db, page);
  const pageHref = (n: number) => (n === 1 ? "/redaktion/utkorg" : `/redaktion/utkorg?sida=${n}`);
  const navLink = "rounded border border-brand px-3 py-1 font-semibold text-brand";

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold">Utkorg</h1>
        <p className="mt-1 text-lg">Utan en inställd e-postserver (SMTP_URL) skickas inga meddelanden, utan de sparas här så att redaktionen kan läsa dem.</p>
        <p className="mt-1 text-muted">{env().SMTP_URL ? "E-postservern är inställd: meddelandena skickas." : "Ingen e-postserver är inställd just nu."}</p>
      </div>
      {rows.length === 0 ? (
        <p className="text-muted">{total === 0 ? "Inga meddelanden ännu." : "Den här sidan är tom."}</p>
      ) : (
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">Meddelanden, nyaste först</caption>
          <thead>
            <tr className="border-b-2 border-gray-400">
              <th scope="col" className="py-2 pr-4">
                Mottagare
              </th>
              <th scope="col" className="py-2 pr-4">
                Ämne
              </th>
              <th scope="col" className="py-2 pr-4">
                Typ
              </th>
              <th scope="col" className="py-2 pr-4">
                Status
              </th>
              <th scope="col" className="py-2">
                Skapad
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className="border-b border-gray-200">
                <td className="py-2 pr-4 break-all">{row.to}</td>
                <td className="py-2 pr-4 font-medium">
                  <Link className="text-brand underline-offset-4 hover:underline" href={`/redaktion/utkorg/${row.id}`}>
                    {row.subject || "(utan ämne)"}
                  </Link>
                </td>
                <td className="py-2 pr-4">{mailKindLabel(row.kind)}</td>
                <td className="py-2 pr-4">{MAIL_STATUS_LABELS[row.status]}</td>
                <td className="py-2 whitespace-nowrap">{formatDateTime(row.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pageCount > 1 ? (
        <nav aria-label="Sidor i utkorgen" className="flex flex-wrap items-center gap-4">
          {page > 1 ? (
            <Link className={navLink} href={pageHref(Math.min(page - 1, pageCount))}>
              Föregående sida
            </Link>
          ) : null}
          <span>
            Sida {page} av {pageCount}
          </span>
          {page < pageCount ? (
            <Link className={navLink} href={pageHref(page + 1)}>
              Nästa sida
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
