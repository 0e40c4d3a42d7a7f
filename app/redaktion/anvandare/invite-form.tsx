"use client";

import { FormResult, useKeptForm } from "@/components/ui/kept-form";
import type { UserFormState } from "./actions";
import { PersonFields } from "./person-fields";

type Props = { action: (previous: UserFormState, formData: FormData) => Promise<UserFormState> };

/** "Bjud in": on success the action goes on to the new person's page. */
export function InviteForm({ action }: Props) {
  const { state, pending, errors, onSubmit } = useKeptForm<UserFormState>(action);
  return (
    <form noValidate aria-labelledby="bjud-in" className="space-y-4" onSubmit={onSubmit}>
      <FormResult state={state} success={null} />
      <PersonFields values={{ name: "", email: "", jobTitle: "", role: "skribent" }} errors={errors} withEmail />
      <button type="submit" disabled={pending} className="rounded bg-brand px-4 py-2 font-semibold text-white disabled:opacity-60">
        {pending ? "Skickar…" : "Skicka inbjudan"}
      </button>
    </form>
  );
}
