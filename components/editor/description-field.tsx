"use client";

import { DESCRIPTION_MAX_LENGTH } from "@/lib/content/description";

const count = new Intl.NumberFormat("sv-SE");

/** "42 av 300 tecken", or how many too many: the writer sees the limit before the server refuses. */
export function descriptionCountText(length: number, max = DESCRIPTION_MAX_LENGTH): string {
  if (length > max) {
    return `${count.format(length - max)} tecken för många: beskrivningen får ha högst ${count.format(max)} tecken.`;
  }
  return `${count.format(length)} av ${count.format(max)} tecken`;
}

/**
 * The text's description for search results and link previews. No maxLength on the textarea: a
 * pasted paragraph would be cut without a word, so the writer is told instead and chooses what goes.
 */
export function DescriptionField(props: { value: string; onChange: (event: React.ChangeEvent<HTMLTextAreaElement>) => void; error: string | undefined }) {
  const length = props.value.trim().length;
  const over = length > DESCRIPTION_MAX_LENGTH;
  return (
    <div>
      <label htmlFor="beskrivning" className="block font-semibold">
        Beskrivning
      </label>
      <textarea
        id="beskrivning"
        name="description"
        value={props.value}
        onChange={props.onChange}
        rows={4}
        aria-invalid={over || !!props.error}
        aria-describedby="beskrivning-hjalp beskrivning-antal"
        className="mt-1 w-full rounded border border-gray-500 px-2 py-1"
      />
      <p id="beskrivning-hjalp" className="text-sm text-muted">
        Visas i sökresultat och när någon delar länken. Lämnar du fältet tomt används ingressen.
      </p>
      <p id="beskrivning-antal" className={`text-sm ${over || props.error ? "font-semibold text-red-800" : "text-muted"}`}>
        {props.error && !over ? props.error : descriptionCountText(length)}
      </p>
    </div>
  );
}
