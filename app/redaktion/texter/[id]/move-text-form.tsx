"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { placeTextAction } from "../actions";

type Props = { id: string; current: string; placements: { value: string; label: string }[] };

/** "Flytta texten": the text keeps its words and goes to another issue, blog or newsletter. */
export function MoveTextForm({ id, current, placements }: Props) {
  const router = useRouter();
  const [plats, setPlats] = useState(current);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form
      aria-labelledby="flytta-texten"
      className="space-y-2 rounded border border-gray-300 bg-white p-4"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await placeTextAction({ id, plats });
          const label = placements.find((p) => p.value === plats)?.label.replace(/ \(.*$/, "") ?? "";
          setMessage(result.ok ? { ok: true, text: `Texten ligger nu här: ${label}.` } : { ok: false, text: result.message });
          if (result.ok) router.refresh();
        });
      }}
    >
      <h2 id="flytta-texten" className="text-lg font-bold">
        Flytta texten
      </h2>
      <p className="text-sm text-muted">Texten och dess versioner följer med. Har den granskats eller godkänts där den låg blir den ett utkast igen.</p>
      <div>
        <label htmlFor="flytta-till" className="block font-semibold">
          Flytta till
        </label>
        <select id="flytta-till" value={plats} onChange={(e) => setPlats(e.target.value)} className="mt-1 w-full max-w-xl rounded border border-gray-500 px-3 py-2">
          {placements.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={pending || plats === current} className="rounded bg-brand px-4 py-2 font-semibold text-white disabled:opacity-60">
        {pending ? "Flyttar…" : "Flytta"}
      </button>
      {message ? (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-green-800" : "text-red-800"}>
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
