"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ConfirmDialog } from "@/components/ui/dialog";
import { cancelEventAction, deleteEventAction, reinstateEventAction } from "../actions";

type Asking = "cancel" | "delete" | null;

/** "Ställ in" and "Ta bort" ask first, in the product's own dialog; "Återställ" undoes a cancelling. */
export function EventControls({ id, title, cancelled }: { id: string; title: string; cancelled: boolean }) {
  const router = useRouter();
  const [asking, setAsking] = useState<Asking>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (action: () => Promise<{ ok: boolean; message?: string }>, after: () => void) =>
    startTransition(async () => {
      const result = await action();
      setAsking(null);
      if (!result.ok) {
        setMessage(result.message ?? null);
        return;
      }
      setMessage(null);
      after();
    });
  return (
    <section aria-labelledby="installa-rubrik" className="space-y-3 border-t border-gray-300 pt-6">
      <h2 id="installa-rubrik" className="text-2xl font-bold">
        Ställ in eller ta bort
      </h2>
      {message ? (
        <p role="alert" className="text-red-800">
          {message}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        {cancelled ? (
          <button
            type="button"
            disabled={pending}
            className="rounded border-2 border-brand px-4 py-2 font-semibold text-brand"
            onClick={() =>
              run(
                () => reinstateEventAction(id),
                () => router.refresh(),
              )
            }
          >
            Återställ
          </button>
        ) : (
          <button type="button" className="rounded border-2 border-brand px-4 py-2 font-semibold text-brand" onClick={() => setAsking("cancel")}>
            Ställ in
          </button>
        )}
        <button type="button" className="rounded border-2 border-red-800 px-4 py-2 font-semibold text-red-800" onClick={() => setAsking("delete")}>
          Ta bort
        </button>
      </div>
      <ConfirmDialog
        open={asking === "cancel"}
        onClose={() => setAsking(null)}
        title={`Ställa in ”${title}”?`}
        confirmLabel="Ställ in evenemanget"
        pending={pending}
        onConfirm={() =>
          run(
            () => cancelEventAction(id),
            () => router.refresh(),
          )
        }
      >
        <p>Evenemanget finns kvar i kalendern och i kalenderflödet, markerat som Inställt, så att de som tänkt komma får veta det.</p>
        <p>Du kan återställa det senare.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={asking === "delete"}
        onClose={() => setAsking(null)}
        title={`Ta bort ”${title}”?`}
        confirmLabel="Ta bort evenemanget"
        tone="danger"
        pending={pending}
        onConfirm={() =>
          run(
            () => deleteEventAction(id),
            () => router.push("/redaktion/kalender"),
          )
        }
      >
        <p>Evenemanget försvinner ur kalendern, kalenderflödet och kommande nummers Kalendarium. Det går inte att ångra.</p>
        <p>Nummer som redan är publicerade behåller sitt Kalendarium. Vill du att läsarna ska se att det inte blir av, välj ”Ställ in” i stället.</p>
      </ConfirmDialog>
    </section>
  );
}
