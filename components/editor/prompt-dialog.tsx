"use client";

import { useEffect, useId, useRef, useState } from "react";

export type PromptField = { name: string; label: string; defaultValue?: string; required?: boolean; hint?: string; maxLength?: number };

/**
 * Modal dialogs of the editor: centred (Tailwind's reset removes the browser's `margin: auto` from
 * <dialog>, which left them in the top left corner), with room for a long form on a small screen.
 */
export const DIALOG_CLASS = "m-auto max-h-[90vh] overflow-auto rounded-lg p-0 shadow-xl backdrop:bg-black/40";

/**
 * A small modal form built on <dialog>, which gives focus trapping and Escape for free. `validate`
 * returns a Swedish error message or null; nothing typed is cleared when it fails.
 */
export function PromptDialog(props: {
  open: boolean;
  title: string;
  fields: PromptField[];
  submitLabel: string;
  extraAction?: { label: string; onClick: () => void };
  validate?: (values: Record<string, string>) => string | null;
  onSubmit: (values: Record<string, string>) => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (props.open && !dialog.open) {
      setError(null);
      dialog.showModal();
    }
    if (!props.open && dialog.open) dialog.close();
  }, [props.open]);

  return (
    // The heading's id and the fields' ids live in separate namespaces: a field named "title" once
    // took the heading's id, so its label named the heading and the field had no name.
    <dialog ref={ref} aria-labelledby={`${id}-heading`} onClose={props.onClose} className={DIALOG_CLASS}>
      <form
        method="dialog"
        className="w-[min(32rem,90vw)] space-y-4 p-6"
        onSubmit={(event) => {
          event.preventDefault();
          const values = Object.fromEntries(props.fields.map((f) => [f.name, String(new FormData(event.currentTarget).get(f.name) ?? "").trim()]));
          const missing = props.fields.find((f) => f.required && !values[f.name]);
          const message = missing ? `Fyll i ${missing.label.toLocaleLowerCase("sv-SE")}.` : (props.validate?.(values) ?? null);
          if (message) {
            setError(message);
            return;
          }
          // Close first: while the modal is open the editor behind it is inert and cannot take
          // focus back, and the next keystroke would replace whatever text was selected.
          ref.current?.close();
          props.onSubmit(values);
        }}
      >
        <h2 id={`${id}-heading`} className="text-xl font-bold">
          {props.title}
        </h2>
        {error ? (
          <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-2 text-red-900">
            {error}
          </p>
        ) : null}
        {props.fields.map((field) => (
          <div key={field.name}>
            <label htmlFor={`${id}-field-${field.name}`} className="block font-semibold">
              {field.label}
            </label>
            {field.hint ? (
              <p id={`${id}-hint-${field.name}`} className="text-sm text-muted">
                {field.hint}
              </p>
            ) : null}
            <input
              id={`${id}-field-${field.name}`}
              name={field.name}
              aria-describedby={field.hint ? `${id}-hint-${field.name}` : undefined}
              aria-required={field.required || undefined}
              maxLength={field.maxLength}
              defaultValue={field.defaultValue}
              key={`${props.open}-${field.defaultValue}`}
              className="mt-1 w-full rounded border border-gray-500 px-3 py-2"
            />
          </div>
        ))}
        <div className="flex flex-wrap justify-end gap-2">
          {props.extraAction ? (
            <button
              type="button"
              className="mr-auto rounded border border-red-700 px-3 py-2 text-red-800"
              onClick={() => {
                ref.current?.close();
                props.extraAction!.onClick();
              }}
            >
              {props.extraAction.label}
            </button>
          ) : null}
          <button type="button" className="rounded border border-gray-500 px-3 py-2" onClick={() => ref.current?.close()}>
            Avbryt
          </button>
          <button type="submit" className="rounded bg-brand px-4 py-2 font-semibold text-white">
            {props.submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
