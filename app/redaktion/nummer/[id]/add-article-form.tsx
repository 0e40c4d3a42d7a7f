"use client";

import Link from "next/link";
import { useActionState, useTransition } from "react";
import { addArticleAction, type AddArticleState } from "../actions";

/** Creates an article last in this issue; the title stays in the field if the server refuses it. */
export function AddArticleForm({ issueId, publicationId, locked }: { issueId: string; publicationId: string; locked: boolean }) {
  const [state, action, pending] = useActionState<AddArticleState, FormData>(addArticleAction, null);
  const [, startTransition] = useTransition();
  const fieldError = state && !state.ok ? state.fieldErrors?.title?.[0] : undefined;
  return (
    <form
      aria-labelledby="ny-artikel"
      className="space-y-3 rounded border border-gray-300 bg-white p-4"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => action(data));
      }}
    >
      <h2 id="ny-artikel" className="text-xl font-bold">
        Ny artikel i numret
      </h2>
      {state && !state.ok ? (
        <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
          {state.message}
        </p>
      ) : null}
      {state?.ok ? (
        <p role="status">
          Artikeln lades till sist i numret.{" "}
          <Link className="text-brand underline" href={`/redaktion/texter/${state.data.id}`}>
            Skriv ”{state.data.title}”
          </Link>
        </p>
      ) : null}
      <input type="hidden" name="issueId" value={issueId} />
      <input type="hidden" name="publicationId" value={publicationId} />
      <div>
        <label htmlFor="ny-artikel-rubrik" className="block font-semibold">
          Rubrik
        </label>
        <input
          key={state?.ok ? state.data.id : "ny"}
          id="ny-artikel-rubrik"
          name="title"
          required
          maxLength={200}
          disabled={locked}
          aria-describedby={fieldError ? "ny-artikel-fel" : undefined}
          className="mt-1 w-full max-w-xl rounded border border-gray-500 px-3 py-2"
        />
        {fieldError ? (
          <p id="ny-artikel-fel" className="text-red-800">
            {fieldError}
          </p>
        ) : null}
      </div>
      <button type="submit" disabled={locked || pending} className="rounded bg-brand px-4 py-2 font-semibold text-white disabled:opacity-60">
        {pending ? "Lägger till…" : "Lägg till artikel"}
      </button>
    </form>
  );
}
