"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ConfirmDialog } from "@/components/ui/dialog";
import type { ActionResult } from "@/lib/errors";

type Run = (input: { id: string }) => Promise<ActionResult<null>>;
type Props = {
  person: { id: string; name: string; status: "Aktiv" | "Inaktiv" | "Inbjuden"; isSelf: boolean };
  actions: { deactivate: Run; reactivate: Run; resend: Run };
};

const button = "rounded border-2 border-brand px-4 py-2 font-semibold text-brand disabled:opacity-60";
const danger = "rounded bg-red-800 px-4 py-2 font-semibold text-white disabled:opacity-60";

/** The account's state and what can be done about it; deactivation asks first, in the product's dialog. */
export function AccountStatusPanel({ person, actions }: Props) {
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const run = (action: Run, done: string) =>
    startTransition(async () => {
      const result = await action({ id: person.id });
      setAsking(false);
      setMessage(result.ok ? { ok: true, text: done } : { ok: false, text: result.message });
      if (result.ok) router.refresh();
    });
  return (
    <section aria-labelledby="konto" className="space-y-3">
      <h2 id="konto" className="text-2xl font-bold">
        Konto
      </h2>
      <p>
        Status: <strong>{person.status}</strong>
        {person.status === "Inbjuden" ? ". Personen har inte valt något lösenord än." : null}
        {person.status === "Inaktiv" ? ". Kontot kan inte logga in." : null}
      </p>
      {message ? (
        <p
          role={message.ok ? "status" : "alert"}
          className={message.ok ? "rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900" : "rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900"}
        >
          {message.text}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        {person.status === "Inbjuden" ? (
          <button type="button" className={button} disabled={pending} onClick={() => run(actions.resend, "En ny inbjudan är skickad. Den tidigare länken gäller inte längre.")}>
            Skicka inbjudan igen
          </button>
        ) : null}
        {person.status === "Inaktiv" ? (
          <button type="button" className={button} disabled={pending} onClick={() => run(actions.reactivate, `${person.name} kan logga in igen.`)}>
            Aktivera igen
          </button>
        ) : (
          <button type="button" className={danger} disabled={pending} onClick={() => setAsking(true)}>
            Inaktivera
          </button>
        )}
      </div>
      <ConfirmDialog
        open={asking}
        onClose={() => setAsking(false)}
        title={`Inaktivera ${person.name}?`}
        confirmLabel="Inaktivera"
        tone="danger"
        pending={pending}
        onConfirm={() => run(actions.deactivate, `${person.name} är inaktiverad och utloggad.`)}
      >
        <p>
          {person.isSelf ? "Det här är ditt eget konto: du loggas ut direkt. " : `${person.name} loggas ut direkt och kan inte logga in igen förrän kontot aktiveras. `}
          Texter och signaturer finns kvar.
        </p>
      </ConfirmDialog>
    </section>
  );
}
