"use client";

import { useActionState, useTransition } from "react";
import type { UserFormState } from "./actions";
import { PersonFields } from "./person-fields";

type Props = { action: (previous: UserFormState, formData: FormData) => Promise<UserFormState> };

/** "Bjud in": on success the action goes on to the new person's page. */
export function InviteForm({ action }: Props) {
  const [state, formAction, pending] = useActionState<UserFormState, FormData>(action, null);
  const [, startTransition] = useTransition();
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form
      noValidate
      aria-labelledby="bjud-in"
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
    >
      {state && !state.ok ? (
        <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
          {state.message}
        </p>
      ) : null}
      <PersonFields values={{ name: "", email: "", jobTitle: "", role: "skribent" }} errors={errors} withEmail />
      <button type="submit" disabled={pending} className="rounded bg-brand px-4 py-2 font-semibold text-white disabled:opacity-60">
        {pending ? "Skickar…" : "Skicka inbjudan"}
      </button>
    </form>
  );
}
