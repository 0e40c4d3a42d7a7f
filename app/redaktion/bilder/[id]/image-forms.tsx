"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ConfirmDialog } from "@/components/ui/dialog";
import { FormResult, useKeptForm } from "@/components/ui/kept-form";
import { deleteImageAction, describeImageAction, type DescribeImageState } from "../actions";

const input = "mt-1 block w-full rounded border border-gray-600 px-3 py-2";

const FIELDS = [
  { name: "alt", label: "Alternativtext", hint: "Beskriver bilden för den som inte ser den.", rows: 2 },
  { name: "caption", label: "Bildtext", hint: null, rows: 2 },
  { name: "credit", label: "Fotograf", hint: null, rows: 1 },
] as const;

export function ImageDescriptionForm({ id, values }: { id: string; values: { alt: string; caption: string; credit: string } }) {
  const { state, pending, onSubmit, aria, error } = useKeptForm<DescribeImageState>(describeImageAction);
  return (
    <form noValidate aria-labelledby="beskrivning-rubrik" className="space-y-4" onSubmit={onSubmit}>
      <h2 id="beskrivning-rubrik" className="text-2xl font-bold">
        Beskrivning
      </h2>
      <p id="beskrivning-tips" className="text-sm text-muted">
        Det här fylls i när någon väljer bilden nästa gång. Texter som redan har bilden behåller sin egen alternativtext och bildtext: ändra dem i texten.
      </p>
      <FormResult state={state} success="Beskrivningen är sparad." />
      <input type="hidden" name="id" value={id} />
      {FIELDS.map((field) => (
        <div key={field.name}>
          <label htmlFor={`bild-${field.name}`} className="font-semibold">
            {field.label}
          </label>
          {field.hint ? (
            <p id={`bild-${field.name}-tips`} className="text-sm text-muted">
              {field.hint}
            </p>
          ) : null}
          {field.rows > 1 ? (
            <textarea
              id={`bild-${field.name}`}
              name={field.name}
              rows={field.rows}
              defaultValue={values[field.name]}
              className={input}
              {...aria(field.name, `bild-${field.name}`, field.hint ? `bild-${field.name}-tips` : undefined)}
            />
          ) : (
            <input id={`bild-${field.name}`} name={field.name} defaultValue={values[field.name]} className={input} {...aria(field.name, `bild-${field.name}`)} />
          )}
          {error(field.name, `bild-${field.name}`)}
        </div>
      ))}
      <button type="submit" disabled={pending} className="rounded bg-brand px-4 py-2 font-semibold text-white disabled:opacity-60">
        {pending ? "Sparar…" : "Spara beskrivningen"}
      </button>
    </form>
  );
}

/** Offered only for an image nothing uses; the server checks again, since a text may take it meanwhile. */
export function DeleteImage({ id, alt, inUse }: { id: string; alt: string; inUse: boolean }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (inUse) return <p>Bilden kan inte tas bort så länge den används.</p>;
  return (
    <div className="space-y-2">
      {message ? (
        <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
          {message}
        </p>
      ) : null}
      <button type="button" className="rounded border border-red-700 px-4 py-2 font-semibold text-red-800" onClick={() => setOpen(true)}>
        Ta bort bilden
      </button>
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        title={`Ta bort ”${alt || "bilden"}” för gott?`}
        confirmLabel="Ta bort bilden"
        tone="danger"
        pending={pending}
        onConfirm={() =>
          startTransition(async () => {
            const result = await deleteImageAction(id);
            if (result.ok) {
              router.push(`/redaktion/bilder?borttagen=${encodeURIComponent(result.data.alt)}`);
              return;
            }
            setMessage(result.message);
            setOpen(false);
            router.refresh();
          })
        }
      >
        <p>Bilden och alla storlekar som har gjorts av den raderas. Det går inte att ångra.</p>
      </ConfirmDialog>
    </div>
  );
}
