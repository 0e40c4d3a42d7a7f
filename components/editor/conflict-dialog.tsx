"use client";

import type { JSONContent } from "@tiptap/core";
import { useEffect, useRef, useState } from "react";
import { diffDocuments, textLines } from "@/lib/content/diff";
import type { ServerCopy } from "@/lib/editorial/save-text";
import { formatWhen } from "@/lib/format";
import { DiffView } from "./diff-view";
import { DIALOG_CLASS } from "./prompt-dialog";
import type { Snapshot } from "./use-autosave";

const lines = (s: { title: string; lead: string; description?: string | null; body: unknown }) => textLines({ ...s, body: s.body as JSONContent });

/**
 * Someone else saved while this editor had unsaved changes. Nothing is overwritten silently, and
 * whichever way the writer chooses, both versions stay in the history.
 */
export function ConflictDialog(props: { mine: Snapshot; theirs: ServerCopy; onKeepMine: () => void; onTakeTheirs: () => Promise<void> }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [comparing, setComparing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!ref.current?.open) ref.current?.showModal();
  }, []);
  const savedAt = formatWhen(props.theirs.savedAt);

  return (
    <dialog ref={ref} aria-labelledby="konflikt-rubrik" className={DIALOG_CLASS} onCancel={(e) => e.preventDefault()}>
      <div className="w-[min(48rem,92vw)] space-y-4 p-6">
        <h2 id="konflikt-rubrik" className="text-xl font-bold">
          Någon annan har ändrat texten
        </h2>
        <p>
          {props.theirs.savedBy} sparade en nyare version {savedAt}. Dina ändringar är inte sparade ännu, men de finns kvar här. Välj hur du vill gå vidare: båda versionerna sparas
          i versionshistoriken.
        </p>
        {error ? (
          <p role="alert" className="rounded bg-red-50 p-2 text-red-900">
            {error}
          </p>
        ) : null}
        <button type="button" className="rounded border border-gray-500 px-3 py-2" aria-expanded={comparing} onClick={() => setComparing(!comparing)}>
          Jämför versionerna
        </button>
        {comparing ? (
          <div className="max-h-80 overflow-auto rounded border border-gray-300 p-3">
            <p className="mb-2 text-sm text-muted">Struket: bara i den andra versionen. Understruket: bara i din.</p>
            <DiffView lines={diffDocuments(lines(props.theirs), lines(props.mine))} />
          </div>
        ) : null}
        <div className="flex flex-wrap justify-end gap-2">
          <button
            type="button"
            className="rounded border border-brand px-4 py-2 font-semibold text-brand"
            onClick={async () => {
              try {
                await props.onTakeTheirs();
              } catch (e) {
                setError(e instanceof Error ? e.message : "Kunde inte spara. Försök igen.");
              }
            }}
          >
            Använd den andra versionen
          </button>
          <button
            type="button"
            className="rounded bg-brand px-4 py-2 font-semibold text-white"
            onClick={() => {
              ref.current?.close();
              props.onKeepMine();
            }}
          >
            Behåll min version
          </button>
        </div>
      </div>
    </dialog>
  );
}
