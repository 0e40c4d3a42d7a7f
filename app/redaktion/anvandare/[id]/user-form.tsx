"use client";

import { FormResult, useKeptForm } from "@/components/ui/kept-form";
import type { Role } from "@/lib/permissions";
import type { UserFormState } from "../actions";
import { PersonFields } from "../person-fields";

type Props = {
  action: (previous: UserFormState, formData: FormData) => Promise<UserFormState>;
  values: { id: string; name: string; jobTitle: string; role: Role };
};

export function UserForm({ action, values }: Props) {
  const { state, pending, errors, onSubmit } = useKeptForm<UserFormState>(action);
  return (
    <form noValidate aria-labelledby="uppgifter" className="space-y-4" onSubmit={onSubmit}>
      <FormResult state={state} success="Ändringarna är sparade." />
      <input type="hidden" name="id" value={values.id} />
      <PersonFields values={values} errors={errors} withEmail={false} />
      <button type="submit" disabled={pending} className="rounded bg-brand px-4 py-2 font-semibold text-white disabled:opacity-60">
        {pending ? "Sparar…" : "Spara"}
      </button>
    </form>
  );
}
