"use client";

import { useActionState, useTransition } from "react";
import type { Role } from "@/lib/permissions";
import type { UserFormState } from "../actions";
import { PersonFields } from "../person-fields";

type Props = {
  action: (previous: UserFormState, formData: FormData) => Promise<UserFormState>;
  values: { id: string; name: string; jobTitle: string; role: Role };
};

export function UserForm({ action, values }: Props) {
  const [state, formAction, pending] = useActionState<UserFormState, FormData>(action, null);
  const [, startTransition] = useTransition();
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form
      noValidate
      aria-labelledby="uppgifter"
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
      {state?.ok ? (
        <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
          Ändringarna är sparade.
        </p>
      ) : null}
      <input type="hidden" name="id" value={values.id} />
      <PersonFields values={values} errors={errors} withEmail={false} />
      <button type="submit" disabled={pending} className="rounded bg-brand px-4 py-2 font-semibold text-white disabled:opacity-60">
        {pending ? "Sparar…" : "Spara"}
      </button>
    </form>
  );
}
