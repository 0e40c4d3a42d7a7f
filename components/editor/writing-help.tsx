"use client";

import type { Editor } from "@tiptap/react";
import { useEffect, useMemo, useState } from "react";
import type { EditorActions } from "./actions";
import type { WarningOverride } from "@/db/schema";
import { analyzeDocument, positionOfPath, warningKey, type WritingWarning } from "@/lib/content/writing-help";
import { PromptDialog } from "./prompt-dialog";

const SETTLE_MS = 400;

/** The document once typing pauses: analysing a long text on every keystroke would cost frames. */
function useSettledDoc(editor: Editor) {
  const [doc, setDoc] = useState(() => editor.state.doc);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onUpdate = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setDoc(editor.state.doc), SETTLE_MS);
    };
    editor.on("update", onUpdate);
    return () => {
      clearTimeout(timer);
      editor.off("update", onUpdate);
    };
  }, [editor]);
  return doc;
}

/**
 * Skrivhjälp: length, reading time, LIX and the accessibility checks, recomputed whenever the writer
 * pauses (never per keystroke, so a long text does not slow typing down). A warning is fixed, or kept on purpose
 * with a reason: the review step accepts nothing else.
 */
export function WritingHelp(props: {
  editor: Editor;
  textId: string;
  title: string;
  lead: string;
  overrides: WarningOverride[];
  overrideWarning: EditorActions["overrideWarning"];
}) {
  const { editor } = props;
  const doc = useSettledDoc(editor);
  const analysis = useMemo(() => analyzeDocument(doc.toJSON(), { title: props.title, lead: props.lead }), [doc, props.title, props.lead]);
  const [overrides, setOverrides] = useState(props.overrides);
  const [overriding, setOverriding] = useState<WritingWarning | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const overridden = (w: WritingWarning) => overrides.find((o) => o.key === warningKey(w));
  const open = analysis.warnings.filter((w) => !overridden(w));
  const kept = analysis.warnings.filter((w) => overridden(w));

  const goTo = (warning: WritingWarning) => {
    const position = warning.path ? positionOfPath(editor.state.doc, warning.path) : null;
    if (position === null) return editor.commands.focus();
    editor
      .chain()
      .focus()
      .setTextSelection(position + 1)
      .scrollIntoView()
      .run();
  };

  return (
    <section aria-labelledby="skrivhjalp-rubrik" className="rounded border border-gray-300 bg-white p-3 text-sm">
      <h2 id="skrivhjalp-rubrik" className="font-bold">
        Skrivhjälp
      </h2>
      <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1">
        <dt>Ord</dt>
        <dd className="tabular-nums">{analysis.words}</dd>
        <dt>Lästid</dt>
        <dd>{analysis.readingMinutes} min</dd>
        <dt>LIX</dt>
        <dd>{analysis.words > 0 ? `${Math.round(analysis.lix)} – ${analysis.lixLabel}` : "–"}</dd>
      </dl>
      {message ? (
        <p role="alert" className="mt-2 text-red-800">
          {message}
        </p>
      ) : null}
      {open.length > 0 ? (
        <>
          <h3 className="mt-3 font-semibold">Att åtgärda ({open.length})</h3>
          <ul className="mt-1 space-y-2">
            {open.map((warning, index) => (
              <li key={`${warningKey(warning)}-${index}`} className="border-l-4 border-red-700 pl-2">
                <p className="text-red-900">{warning.message}</p>
                <div className="mt-1 flex gap-2">
                  <button type="button" className="underline" onClick={() => goTo(warning)}>
                    Visa
                  </button>
                  <button type="button" className="underline" onClick={() => setOverriding(warning)}>
                    Behåll med motivering
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="mt-3 text-green-800">Inga tillgänglighetsproblem att åtgärda.</p>
      )}
      {kept.length > 0 ? (
        <>
          <h3 className="mt-3 font-semibold">Behållna med motivering ({kept.length})</h3>
          <ul className="mt-1 space-y-1 text-muted">
            {kept.map((warning, index) => (
              <li key={`${warningKey(warning)}-${index}`}>
                {warning.message} <em>Motivering: {overridden(warning)!.reason}</em>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <PromptDialog
        open={overriding !== null}
        title="Behåll varningen"
        fields={[{ name: "reason", label: "Motivering", required: true, hint: overriding?.message }]}
        submitLabel="Spara motiveringen"
        validate={(v) => ((v.reason ?? "").length < 10 ? "Skriv en motivering på minst tio tecken." : null)}
        onSubmit={async (v) => {
          if (!overriding) return;
          const result = await props.overrideWarning({ id: props.textId, key: warningKey(overriding), reason: v.reason! });
          if (result.ok) {
            setOverrides(result.data);
            setMessage(null);
          } else {
            setMessage(result.message);
          }
        }}
        onClose={() => setOverriding(null)}
      />
    </section>
  );
}
