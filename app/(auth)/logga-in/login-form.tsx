"use client";

import { useActionState } from "react";
import { logInAction, type LoginState } from "./actions";

export function LoginForm({ returnTo }: { returnTo: string }) {
  const [state, formAction, pending] = useActionState<LoginState, FormData>(logInAction, { message: null, email: "" });
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <input type="hidden" name="till" value={returnTo} />
      {state.message ? (
        <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
          {state.message}
        </p>
      ) : null}
      <div>
        <label htmlFor="email" className="block font-semibold">
          E-post
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email}
          key={state.email}
          className="mt-1 w-full rounded border border-gray-500 px-3 py-2 text-lg"
        />
      </div>
      <div>
        <label htmlFor="password" className="block font-semibold">
          Lösenord
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className="mt-1 w-full rounded border border-gray-500 px-3 py-2 text-lg" />
      </div>
      <button type="submit" disabled={pending} className="w-full rounded bg-brand px-4 py-2 text-lg font-semibold text-white hover:bg-brand-dark disabled:opacity-70">
        {pending ? "Loggar in…" : "Logga in"}
      </button>
    </form>
  );
}
