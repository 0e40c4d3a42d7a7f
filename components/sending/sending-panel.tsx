"use client";

import { useEffect, useState, useTransition } from "react";
import type { SendingStatus } from "@/db/queries/sending";
import { DELIVERY_STATUS_LABELS, DELIVERY_STATUSES } from "@/lib/mail/send/labels";
import type { ActionResult } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";

const POLL_MS = 3_000;

const time = (iso: string | null) => (iso ? formatDateTime(iso) : "–");

type Props = {
  initial: SendingStatus;
  /** The utgivare may send the deliveries of unknown outcome again. */
  canResend: boolean;
  resend: (editionId: string) => Promise<ActionResult<{ requeued: number }>>;
};

/** Counts of one issue's e-mail send, refreshed every three seconds while anything is queued or being sent. */
export function SendingPanel({ initial, canResend, resend }: Props) {
  const [status, setStatus] = useState(initial);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    if (!status.running) return;
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/utskick/${status.editionId}`, { cache: "no-store" });
        if (response.ok) setStatus((await response.json()) as SendingStatus);
        else setStatus((s) => ({ ...s }));
      } catch {
        setStatus((s) => ({ ...s }));
      }
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [status]);

  const onResend = () =>
    startTransition(async () => {
      const result = await resend(status.editionId);
      setMessage(result.ok ? `${result.data.requeued} meddelanden skickas igen.` : result.message);
      if (result.ok) setStatus((s) => ({ ...s, running: true }));
    });

  return (
    <section aria-labelledby="utskick-rubrik" className="space-y-3 rounded border border-gray-300 bg-white p-4">
      <h2 id="utskick-rubrik" className="text-xl font-bold">
        Utskick
      </h2>
      <p className="text-muted">{status.cancelledAt ? `Avbrutet ${time(status.cancelledAt)} när numret avpublicerades.` : status.running ? "Skickas just nu." : "Klart."}</p>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1" aria-live="polite">
        {DELIVERY_STATUSES.map((key) => (
          <div key={key} className="contents">
            <dt className="font-semibold">{DELIVERY_STATUS_LABELS[key]}</dt>
            <dd>{status.counts[key].toLocaleString("sv-SE")}</dd>
          </div>
        ))}
        <dt className="font-semibold">Började</dt>
        <dd>{time(status.startedAt)}</dd>
        <dt className="font-semibold">Blev klart</dt>
        <dd>{time(status.finishedAt)}</dd>
      </dl>
      {status.failures.length > 0 ? (
        <div>
          <h3 className="font-semibold">Orsaker till misslyckade</h3>
          <ul className="list-disc pl-6">
            {status.failures.map((f) => (
              <li key={f.reason}>
                {f.reason} ({f.count.toLocaleString("sv-SE")})
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {status.counts.unknown > 0 ? (
        <div className="space-y-2 rounded border-l-4 border-accent p-3">
          <h3 className="font-semibold">Okänt utfall</h3>
          <p>Sändningen avbröts medan de här meddelandena lämnades till e-postservern. De kan ha kommit fram. Skickar du igen kan någon få två exemplar.</p>
          <ul className="list-disc pl-6 break-all">
            {status.unknown.map((email) => (
              <li key={email}>{email}</li>
            ))}
          </ul>
          {status.counts.unknown > status.unknown.length ? <p>… och {status.counts.unknown - status.unknown.length} till.</p> : null}
          {canResend && !status.cancelledAt ? (
            <button type="button" onClick={onResend} disabled={pending} className="rounded bg-brand px-4 py-2 font-semibold text-white disabled:opacity-60">
              Skicka igen
            </button>
          ) : null}
        </div>
      ) : null}
      {message ? <p role="status">{message}</p> : null}
    </section>
  );
}
