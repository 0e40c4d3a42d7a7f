"use client";

import { useActionState } from "react";
import { createTextAction, type CreateTextState } from "../actions";

export function NewTextForm({ placements }: { placements: { value: string; label: string }[] }) {
  const [state, action, pending] = useActionState<CreateTextState, FormData>(createTextAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={action} className="mt-6 space-y-5">
      {state && !state.ok ? (
        <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
          {state.message}
        </p>
      ) : null}
      <div>
        <label htmlFor="rubrik" className="block font-semibold">
          Rubrik
        </label>
        <input id="rubrik" name="rubrik" maxLength={200} className="mt-1 w-full rounded border border-gray-500 px-3 py-2 text-lg" />
        {errors.title ? <p className="text-red-800">{errors.title[0]}</p> : null}
      </div>
      <div>
        <label htmlFor="plats" className="block font-semibold">
          Var ska texten publiceras?
        </label>
        <select id="plats" name="plats" required className="mt-1 w-full rounded border border-gray-500 px-3 py-2">
          {placements.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </select>
        {errors.publicationId || errors.issueId ? <p className="text-red-800">{(errors.publicationId ?? errors.issueId)![0]}</p> : null}
      </div>
      <button type="submit" disabled={pending} className="rounded bg-brand px-4 py-2 font-semibold text-white disabled:opacity-60">
        {pending ? "Skapar…" : "Skapa text"}
      </button>
    </form>
  );
}
