"use client";

import { useActionState } from "react";
import { sendTestEditionAction, type TestSendState } from "./actions";

/** "Skicka provutskick": to the signed-in person's own address, marked as a test. */
export function TestSendForm({ issueId, email }: { issueId: string; email: string }) {
  const [state, action, pending] = useActionState<TestSendState, FormData>(sendTestEditionAction, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="issueId" value={issueId} />
      <button type="submit" disabled={pending} className="rounded bg-brand px-4 py-2 font-semibold text-white disabled:opacity-60">
        {pending ? "Skickar…" : "Skicka provutskick"}
      </button>
      <p className="text-muted">Provutskicket går bara till din egen adress, {email}, och är märkt som prov.</p>
      <div aria-live="polite">
        {state?.ok ? (
          <p className="rounded border-l-4 border-green-700 bg-green-50 p-3">Provutskicket är köat till {state.data.to}. Utan en inställd e-postserver hamnar det i Utkorgen.</p>
        ) : null}
        {state && !state.ok ? (
          <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
            {state.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}
