"use client";

import { useActionState, useTransition } from "react";
import type { ForgotPasswordState } from "./actions";

type Props = { action: (previous: ForgotPasswordState, formData: FormData) => Promise<ForgotPasswordState> };

export function ForgotPasswordForm({ action }: Props) {
  const [state, formAction, pending] = useActionState<ForgotPasswordState, FormData>(action, null);
  const [, startTransition] = useTransition();
  return (
    <form
      noValidate
      className="space-y-5"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
    >
      {state ? (
        <p
          role={state.ok ? "status" : "alert"}
          className={state.ok ? "rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900" : "rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900"}
        >
          {state.message}
        </p>
      ) : null}
      <div>
        <label htmlFor="email" className="block font-semibold">
          E-postadress
        </label>
        <input id="email" name="email" type="email" autoComplete="username" required className="mt-1 w-full rounded border border-gray-500 px-3 py-2 text-lg" />
      </div>
      <button type="submit" disabled={pending} className="w-full rounded bg-brand px-4 py-2 text-lg font-semibold text-white hover:bg-brand-dark disabled:opacity-70">
        {pending ? "Skickar…" : "Skicka länk"}
      </button>
    </form>
  );
}
