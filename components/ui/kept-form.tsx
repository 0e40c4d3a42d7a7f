"use client";

import { useActionState, useTransition, type FormEvent, type ReactNode } from "react";
import type { ActionResult } from "@/lib/errors";

type State = ActionResult<unknown> | null;

/**
 * A form whose server action answers with an ActionResult. Submitted through onSubmit rather than
 * the form's action prop, so React does not reset the fields: nothing typed is lost when the server
 * says no. Forms using it set noValidate, so the server's Swedish messages are the ones shown, in the
 * same place for every field.
 */
export function useKeptForm<S extends State>(action: (previous: S, data: FormData) => Promise<S>) {
  const [state, run, pending] = useActionState<S, FormData>(action as (previous: Awaited<S>, data: FormData) => Promise<S>, null as Awaited<S>);
  const [, startTransition] = useTransition();
  const errors: Record<string, string[]> = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => run(data));
  };
  /** The id of a field's message; `id` is the field's own id. */
  const errorId = (id: string) => `${id}-fel`;
  /** aria-invalid and aria-describedby for the field named `name` with the element id `id`. */
  const aria = (name: string, id: string = name, hintId?: string) => ({
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": [hintId, errors[name] ? errorId(id) : undefined].filter(Boolean).join(" ") || undefined,
  });
  const error = (name: string, id: string = name): ReactNode =>
    errors[name] ? (
      <p id={errorId(id)} className="mt-1 font-semibold text-red-800">
        {errors[name][0]}
      </p>
    ) : null;
  return { state, pending, errors, onSubmit, aria, error };
}

/** The answer above the fields: the refusal's message, or `success` once saved (nothing when null). */
export function FormResult({ state, success }: { state: State; success: ReactNode | null }) {
  if (state && !state.ok) {
    return (
      <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
        {state.message}
      </p>
    );
  }
  if (state?.ok && success) {
    return (
      <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
        {success}
      </p>
    );
  }
  return null;
}
