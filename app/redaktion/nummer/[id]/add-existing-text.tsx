"use client";

import { useId, useState, useTransition } from "react";
import { ConfirmDialog } from "@/components/ui/dialog";
import type { WorkflowStatus } from "@/lib/workflow/labels";
import { addExistingTextAction } from "../actions";
import { voidNote } from "./article-list";

type Props = { issueId: string; issueStatus: WorkflowStatus; version: number; texts: { id: string; label: string }[] };

/** Puts a text that is in no issue (one taken out of an issue, an unpublished post) last in this one. */
export function AddExistingText({ issueId, issueStatus, version, texts }: Props) {
  const ids = useId();
  const [open, setOpen] = useState(false);
  const [itemId, setItemId] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const voided = voidNote(issueStatus);
  return (
    <div className="space-y-2">
      {message ? (
        <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
          {message}
        </p>
      ) : null}
      {done ? <p role="status">{done}</p> : null}
      <button
        type="button"
        className="rounded border-2 border-brand px-4 py-2 font-semibold text-brand disabled:opacity-60"
        disabled={texts.length === 0}
        aria-describedby={texts.length === 0 ? `${ids}-tomt` : undefined}
        onClick={() => {
          setItemId(texts[0]?.id ?? "");
          setMessage(null);
          setOpen(true);
        }}
      >
        Lägg till befintlig text
      </button>
      {texts.length === 0 ? (
        <p id={`${ids}-tomt`} className="text-sm text-muted">
          Det finns inga opublicerade texter utanför nummer att lägga till.
        </p>
      ) : null}
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        title="Lägg till befintlig text"
        confirmLabel="Lägg till i numret"
        pending={pending}
        onConfirm={() =>
          startTransition(async () => {
            const label = texts.find((t) => t.id === itemId)?.label.split(" – ")[0] ?? "Texten";
            const result = await addExistingTextAction({ issueId, baseVersion: version, itemId });
            setMessage(result.ok ? null : result.message);
            setDone(result.ok ? `”${label}” lades till sist i numret.` : null);
            setOpen(false);
          })
        }
      >
        <div>
          <label htmlFor={`${ids}-text`} className="block font-semibold">
            Text
          </label>
          <select id={`${ids}-text`} value={itemId} onChange={(e) => setItemId(e.target.value)} className="mt-1 w-full rounded border border-gray-500 px-3 py-2">
            {texts.map((text) => (
              <option key={text.id} value={text.id}>
                {text.label}
              </option>
            ))}
          </select>
        </div>
        <p>Texten läggs sist i numret som en artikel, med sin text oförändrad. Ett blogginlägg blir en artikel i nyhetsbrevet.</p>
        {voided ? <p className="font-semibold">{voided}</p> : null}
      </ConfirmDialog>
    </div>
  );
}
