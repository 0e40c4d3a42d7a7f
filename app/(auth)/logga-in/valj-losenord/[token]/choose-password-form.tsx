"use client";

import { useActionState, useTransition } from "react";
import type { ChoosePasswordState } from "../actions";

type Props = { action: (previous: ChoosePasswordState, formData: FormData) => Promise<ChoosePasswordState>; token: string; email: string };

const input = "mt-1 w-full rounded border border-gray-500 px-3 py-2 text-lg";

/** Submitted through onSubmit, so a refused password stays in the fields to be changed, not retyped. */
export function ChoosePasswordForm({ action, token, email }: Props) {
  const [state, formAction, pending] = useActionState<ChoosePasswordState, FormData>(action, null);
  const [, startTransition] = useTransition();
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const message = state && !state.ok ? state.message : null;
  // The reason is said once: in the alert above the form when it is the same as the field's.
  const error = (name: string) =>
    errors[name] && errors[name][0] !== message ? (
      <p id={`${name}-fel`} className="mt-1 font-semibold text-red-800">
        {errors[name][0]}
      </p>
    ) : null;
  const aria = (name: string, hint?: string) => {
    const ids = [hint, errors[name] ? (errors[name][0] === message ? "form-fel" : `${name}-fel`) : undefined].filter(Boolean).join(" ");
    return { "aria-describedby": ids || undefined, "aria-invalid": errors[name] ? true : undefined };
  };
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
      {state && !state.ok ? (
        <p id="form-fel" role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
          {state.message}
        </p>
      ) : null}
      <input type="hidden" name="token" value={token} />
      {/* For password managers: the account the new password belongs to. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <div>
        <label htmlFor="password" className="block font-semibold">
          Nytt lösenord
        </label>
        <p id="password-hint" className="text-sm text-muted">
          Minst 12 tecken.
        </p>
        <input id="password" name="password" type="password" autoComplete="new-password" required className={input} {...aria("password", "password-hint")} />
        {error("password")}
      </div>
      <div>
        <label htmlFor="repeat" className="block font-semibold">
          Upprepa lösenordet
        </label>
        <input id="repeat" name="repeat" type="password" autoComplete="new-password" required className={input} {...aria("repeat")} />
        {error("repeat")}
      </div>
      <button type="submit" disabled={pending} className="w-full rounded bg-brand px-4 py-2 text-lg font-semibold text-white hover:bg-brand-dark disabled:opacity-70">
        {pending ? "Sparar…" : "Spara lösenordet"}
      </button>
    </form>
  );
}
