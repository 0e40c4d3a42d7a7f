import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { mailKindLabel, MAIL_STATUS_LABELS } from "@/lib/mail/labels";
import { bodyForViewer, getMailMessage } from "@/lib/mail/outbox";
import { editionMessageForViewer } from "@/lib/mail/send/outbox-view";
import { requirePermission } from "@/lib/auth/refuse";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "Meddelande i utkorgen" };

type Props = { params: Promise<{ id: string }> };

export default async function OutboxMessagePage({ params }: Props) {
  const { id } = await params;
  const user = await requireUser(`/redaktion/utkorg/${id}`);
  requirePermission(user, "outbox.read");
  if (!z.uuid().safeParse(id).success) notFound();
  const db = await getDb();
  const message = await getMailMessage(db, id);
  if (!message) notFound();
  // A newsletter delivery stores no body of its own: it is the edition with the recipient's link put in.
  const edition = await editionMessageForViewer(db, message, user.email);
  const body = edition ? edition.text : bodyForViewer(message, user.email, can(user, "users.manage"));

  const facts: [string, string][] = [
    ["Mottagare", message.to],
    ["Typ", mailKindLabel(message.kind)],
    ["Status", MAIL_STATUS_LABELS[message.status]],
    ["Skapad", formatDateTime(message.createdAt)],
  ];
  if (message.sentAt) facts.push(["Skickad", formatDateTime(message.sentAt)]);
  if (message.attempts > 0) facts.push(["Försök", String(message.attempts)]);
  if (message.lastError) facts.push(["Senaste fel", message.lastError]);

  return (
    <div className="space-y-6">
      <p>
        <Link href="/redaktion/utkorg" className="text-brand underline-offset-4 hover:underline">
          ← Tillbaka till utkorgen
        </Link>
      </p>
      <h1 className="text-3xl font-bold break-words">{message.subject || "(utan ämne)"}</h1>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-semibold">{label}</dt>
            <dd className="break-words">{value}</dd>
          </div>
        ))}
      </dl>
      {edition?.hidden || (!edition && body !== message.text) ? <p className="text-muted">Engångslänkar (till exempel för att godkänna) visas bara för mottagaren.</p> : null}
      <section aria-labelledby="meddelandetext">
        <h2 id="meddelandetext" className="text-2xl font-bold">
          Meddelandet
        </h2>
        <pre className="mt-2 rounded border border-gray-300 bg-white p-4 font-sans whitespace-pre-wrap break-words">{body}</pre>
      </section>
      {edition ? (
        <>
          <section aria-labelledby="meddelandehtml">
            <h2 id="meddelandehtml" className="text-2xl font-bold">
              Som HTML
            </h2>
            {/* sandbox with no permissions: the edition's HTML runs no script and navigates nowhere. */}
            <iframe title="Meddelandet som HTML" sandbox="" srcDoc={edition.html} className="mt-2 h-[40rem] w-full rounded border border-gray-300 bg-white" />
          </section>
          <section aria-labelledby="meddelanderubriker">
            <h2 id="meddelanderubriker" className="text-2xl font-bold">
              Rubrikfält
            </h2>
            <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
              {Object.entries(edition.headers).map(([name, value]) => (
                <div key={name} className="contents">
                  <dt className="font-mono font-semibold">{name}</dt>
                  <dd className="font-mono break-all">{value}</dd>
                </div>
              ))}
            </dl>
          </section>
        </>
      ) : null}
    </div>
  );
}
