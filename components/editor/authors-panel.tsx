"use client";

import { useId, useState, type RefObject } from "react";
import type { Byline } from "@/db/schema";
import { bylineText } from "@/lib/format";
import type { EditorActions } from "./actions";

type Staff = { id: string; name: string; jobTitle: string };

/**
 * "Författare": who wrote the text, in byline order, and the byline it goes out under. Staff added
 * here may edit it as their own; someone without an account (a guest writer) is added by name and title.
 */
export function AuthorsPanel(props: {
  id: string;
  initial: Byline[];
  staff: Staff[];
  version: RefObject<number>;
  saveFirst: () => Promise<void>;
  setAuthors: EditorActions["setAuthors"];
}) {
  const fieldId = useId();
  const [authors, setAuthors] = useState(props.initial);
  const [choice, setChoice] = useState("");
  const [guest, setGuest] = useState({ name: "", title: "" });
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const apply = async (next: Byline[]) => {
    setBusy(true);
    setMessage(null);
    // Unsaved text first, so the author change is based on the latest version.
    await props.saveFirst();
    const result = await props.setAuthors({ id: props.id, baseVersion: props.version.current, authors: next });
    setBusy(false);
    if (!result.ok) return setMessage(result.message);
    props.version.current = result.data.version;
    setAuthors(result.data.byline);
  };

  // Choosing a person adds them: a second "Lägg till" click was easy to miss, and the byline
  // silently stayed as it was. Only a guest writer needs a name typed first.
  const choose = (value: string) => {
    setMessage(null);
    if (value !== "annan") {
      const person = props.staff.find((s) => s.id === value);
      if (!person) return setChoice("");
      setChoice("");
      if (authors.some((a) => a.userId === person.id)) return setMessage(`${person.name} är redan författare.`);
      return void apply([...authors, { userId: person.id, name: person.name, title: person.jobTitle }]);
    }
    setChoice(value);
  };

  const addGuest = () => {
    if (!guest.name.trim()) return setMessage("Skriv författarens namn.");
    void apply([...authors, { userId: null, name: guest.name.trim(), title: guest.title.trim() }]);
    setGuest({ name: "", title: "" });
    setChoice("");
  };

  return (
    <section aria-labelledby={`${fieldId}-rubrik`} className="space-y-2">
      <h2 id={`${fieldId}-rubrik`} className="font-semibold">
        Författare
      </h2>
      {message ? (
        <p role="alert" className="text-sm text-red-800">
          {message}
        </p>
      ) : null}
      <ul className="space-y-1 text-sm">
        {authors.map((author, index) => (
          <li key={`${author.userId ?? author.name}-${index}`} className="flex items-center justify-between gap-2">
            <span>{author.title ? `${author.name}, ${author.title}` : author.name}</span>
            {authors.length > 1 ? (
              <button
                type="button"
                disabled={busy}
                className="rounded border border-gray-500 px-2"
                aria-label={`Ta bort ${author.name} som författare`}
                onClick={() => void apply(authors.filter((_, i) => i !== index))}
              >
                Ta bort
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {/* What readers, subscribers and the feeds will see under the title, before anything is submitted. */}
      <p id={`${fieldId}-byline`} className="rounded bg-gray-100 p-2 text-sm">
        Under rubriken står: <span className="font-semibold">{bylineText(authors) || "ingen författare"}</span>
      </p>
      <label htmlFor={`${fieldId}-val`} className="block text-sm">
        Lägg till författare
      </label>
      <select id={`${fieldId}-val`} value={choice} disabled={busy} onChange={(e) => choose(e.target.value)} className="w-full rounded border border-gray-500 px-2 py-1 text-sm">
        <option value="">Välj …</option>
        {props.staff.map((s) => (
          <option key={s.id} value={s.id}>
            {s.jobTitle ? `${s.name}, ${s.jobTitle}` : s.name}
          </option>
        ))}
        <option value="annan">Någon utan konto …</option>
      </select>
      {choice === "annan" ? (
        <div className="space-y-1">
          <label className="block text-sm">
            Namn
            <input value={guest.name} onChange={(e) => setGuest({ ...guest, name: e.target.value })} className="mt-1 w-full rounded border border-gray-500 px-2 py-1" />
          </label>
          <label className="block text-sm">
            Titel
            <input value={guest.title} onChange={(e) => setGuest({ ...guest, title: e.target.value })} className="mt-1 w-full rounded border border-gray-500 px-2 py-1" />
          </label>
        </div>
      ) : null}
      {choice === "annan" ? (
        <button type="button" disabled={busy} className="rounded border border-brand px-2 py-1 text-sm font-semibold text-brand" onClick={addGuest}>
          Lägg till
        </button>
      ) : null}
    </section>
  );
}
