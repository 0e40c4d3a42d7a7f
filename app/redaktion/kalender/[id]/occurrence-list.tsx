"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Dialog } from "@/components/ui/dialog";
import { formatDate, formatTime } from "@/lib/format";
import { cancelOccurrenceAction, moveOccurrenceAction, restoreOccurrenceAction } from "../actions";

type Item = { occursOn: string; startsOn: string; startTime: string | null; endTime: string | null; cancelled: boolean; moved: boolean };

const input = "mt-1 block w-full rounded border border-gray-600 px-3 py-2";
const small = "rounded border-2 border-brand px-3 py-1 font-semibold text-brand disabled:opacity-60";

function when(o: Item): string {
  return `${formatDate(o.startsOn)}${o.startTime ? ` kl. ${formatTime(o.startTime)}${o.endTime ? `–${formatTime(o.endTime)}` : ""}` : ""}`;
}

/**
 * A recurring event's coming occurrences, each with its own "Ställ in tillfället", "Flytta
 * tillfället" and, once changed, "Återställ tillfället". Each button names its date for screen
 * readers, since the list repeats the same words. Cancelling one is undone with one click, so it
 * does not ask first.
 */
export function OccurrenceList({ eventId, timed, occurrences }: { eventId: string; timed: boolean; occurrences: Item[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const [moving, setMoving] = useState<Item | null>(null);
  const [moveErrors, setMoveErrors] = useState<Record<string, string[]>>({});
  const run = (action: () => Promise<{ ok: true } | { ok: false; message: string; fieldErrors?: Record<string, string[]> }>, onFail?: (errors: Record<string, string[]>) => void) =>
    startTransition(async () => {
      const result = await action();
      if (!result.ok) {
        setMessage(result.message);
        onFail?.(result.fieldErrors ?? {});
        return;
      }
      setMessage(null);
      setMoving(null);
      router.refresh();
    });
  if (occurrences.length === 0) return <p>Inga kommande tillfällen.</p>;
  return (
    <div>
      {message && !moving ? (
        <p role="alert" className="text-red-800">
          {message}
        </p>
      ) : null}
      <ul className="divide-y divide-gray-200 border-y border-gray-200">
        {occurrences.map((o) => {
          const date = formatDate(o.occursOn);
          return (
            <li key={o.occursOn} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <p>
                {o.cancelled ? <strong className="mr-2 rounded bg-accent px-2 py-0.5 text-white">Inställt</strong> : null}
                <span className={o.cancelled ? "line-through" : ""}>{when(o)}</span>
                {o.moved ? <span className="ml-2 text-muted">(flyttat från {date})</span> : null}
              </p>
              <div className="flex flex-wrap gap-2">
                {!o.cancelled ? (
                  <button
                    type="button"
                    disabled={pending}
                    className={small}
                    aria-label={`Ställ in tillfället ${date}`}
                    onClick={() => run(() => cancelOccurrenceAction({ eventId, occursOn: o.occursOn }))}
                  >
                    Ställ in tillfället
                  </button>
                ) : null}
                <button
                  type="button"
                  disabled={pending}
                  className={small}
                  aria-label={`Flytta tillfället ${date}`}
                  onClick={() => {
                    setMoveErrors({});
                    setMessage(null);
                    setMoving(o);
                  }}
                >
                  Flytta tillfället
                </button>
                {o.cancelled || o.moved ? (
                  <button
                    type="button"
                    disabled={pending}
                    className={small}
                    aria-label={`Återställ tillfället ${date}`}
                    onClick={() => run(() => restoreOccurrenceAction({ eventId, occursOn: o.occursOn }))}
                  >
                    Återställ tillfället
                  </button>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
      <Dialog open={moving !== null} onClose={() => setMoving(null)} title={moving ? `Flytta tillfället ${formatDate(moving.occursOn)}` : "Flytta tillfället"}>
        {moving ? (
          <form
            noValidate
            className="space-y-3"
            onSubmit={(e) => {
              e.preventDefault();
              const data = new FormData(e.currentTarget);
              const value = (name: string) => String(data.get(name) ?? "");
              run(
                () => moveOccurrenceAction({ eventId, occursOn: moving.occursOn, startsOn: value("startsOn"), startTime: value("startTime"), endTime: value("endTime") }),
                setMoveErrors,
              );
            }}
          >
            {message ? (
              <p role="alert" className="text-red-800">
                {message}
              </p>
            ) : null}
            <div>
              <label htmlFor="flytta-datum" className="font-semibold">
                Nytt datum
              </label>
              <input id="flytta-datum" name="startsOn" type="date" defaultValue={moving.startsOn} className={input} />
              {moveErrors.startsOn ? <p className="font-semibold text-red-800">{moveErrors.startsOn[0]}</p> : null}
            </div>
            {timed ? (
              <div className="grid gap-3 sm:grid-cols-2">
                <div>
                  <label htmlFor="flytta-start" className="font-semibold">
                    Ny starttid
                  </label>
                  <input id="flytta-start" name="startTime" type="time" defaultValue={moving.startTime?.slice(0, 5) ?? ""} className={input} />
                  {moveErrors.startTime ? <p className="font-semibold text-red-800">{moveErrors.startTime[0]}</p> : null}
                </div>
                <div>
                  <label htmlFor="flytta-slut" className="font-semibold">
                    Ny sluttid
                  </label>
                  <input id="flytta-slut" name="endTime" type="time" defaultValue={moving.endTime?.slice(0, 5) ?? ""} className={input} />
                  {moveErrors.endTime ? <p className="font-semibold text-red-800">{moveErrors.endTime[0]}</p> : null}
                </div>
              </div>
            ) : null}
            <div className="flex flex-wrap justify-end gap-2">
              <button type="button" data-autofocus className={small} onClick={() => setMoving(null)}>
                Avbryt
              </button>
              <button type="submit" disabled={pending} className="rounded bg-brand px-4 py-2 font-semibold text-white disabled:opacity-60">
                Flytta
              </button>
            </div>
          </form>
        ) : null}
      </Dialog>
    </div>
  );
}
