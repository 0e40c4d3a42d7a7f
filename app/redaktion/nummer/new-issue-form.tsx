"use client";

import { useActionState, useState } from "react";
import { formatDate } from "@/lib/format";
import { createIssueAction, type CreateIssueState } from "./actions";

type Proposal = { id: string; name: string; year: number; number: number; calendarFrom: string; calendarTo: string };

/** "Nytt nummer": tells the editor which number the issue will get before they create it. */
export function NewIssueForm({ proposals }: { proposals: Proposal[] }) {
  const [state, action, pending] = useActionState<CreateIssueState, FormData>(createIssueAction, null);
  const [publicationId, setPublicationId] = useState(proposals[0]?.id ?? "");
  const [title, setTitle] = useState("");
  const proposal = proposals.find((p) => p.id === publicationId) ?? proposals[0];
  if (!proposal) return null;
  return (
    <section aria-labelledby="nytt-nummer" className="rounded border border-gray-300 bg-white p-4">
      <h2 id="nytt-nummer" className="text-2xl font-bold">
        Nytt nummer
      </h2>
      <form action={action} className="mt-3 space-y-4">
        {state && !state.ok ? (
          <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
            {state.message}
          </p>
        ) : null}
        {proposals.length > 1 ? (
          <div>
            <label htmlFor="nytt-nyhetsbrev" className="block font-semibold">
              Nyhetsbrev
            </label>
            <select
              id="nytt-nyhetsbrev"
              name="publicationId"
              value={publicationId}
              onChange={(e) => setPublicationId(e.target.value)}
              className="mt-1 rounded border border-gray-500 px-2 py-1"
            >
              {proposals.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <input type="hidden" name="publicationId" value={proposal.id} />
        )}
        <p id="nytt-nummer-info">
          Numret blir{" "}
          <strong>
            nummer {proposal.number} {proposal.year}
          </strong>
          , med kalendarium från {formatDate(proposal.calendarFrom)} till {formatDate(proposal.calendarTo)}. Du kan ändra det efteråt.
        </p>
        <div>
          <label htmlFor="nytt-tema" className="block font-semibold">
            Tema <span className="font-normal text-muted">(valfritt)</span>
          </label>
          <input
            id="nytt-tema"
            name="title"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            maxLength={200}
            className="mt-1 w-full max-w-md rounded border border-gray-500 px-3 py-2"
          />
          {state && !state.ok && state.fieldErrors?.title ? <p className="text-red-800">{state.fieldErrors.title[0]}</p> : null}
        </div>
        <button type="submit" disabled={pending} aria-describedby="nytt-nummer-info" className="rounded bg-brand px-4 py-2 font-semibold text-white disabled:opacity-60">
          {pending ? "Skapar…" : "Skapa nummer"}
        </button>
      </form>
    </section>
  );
}
