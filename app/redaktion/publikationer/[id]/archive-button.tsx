"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ConfirmDialog } from "@/components/ui/dialog";
import { archivePublicationAction } from "../actions";

export function ArchiveButton({ id, name, archived }: { id: string; name: string; archived: boolean }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (next: boolean) =>
    startTransition(async () => {
      const result = await archivePublicationAction({ id, archived: next });
      setOpen(false);
      if (!result.ok) {
        setMessage(result.message);
        return;
      }
      setMessage(null);
      router.refresh();
    });
  return (
    <div className="space-y-2">
      {message ? (
        <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
          {message}
        </p>
      ) : null}
      {archived ? (
        <button type="button" disabled={pending} className="rounded border-2 border-brand px-4 py-2 font-semibold text-brand" onClick={() => run(false)}>
          Återställ
        </button>
      ) : (
        <button type="button" className="rounded border border-red-700 px-4 py-2 font-semibold text-red-800" onClick={() => setOpen(true)}>
          Arkivera
        </button>
      )}
      <ConfirmDialog open={open} onClose={() => setOpen(false)} title={`Arkivera ${name}?`} confirmLabel="Arkivera" pending={pending} onConfirm={() => run(true)}>
        <p>Allt som är publicerat finns kvar för läsarna. Utkast finns kvar hos skribenterna, men inga nya texter eller nummer kan göras i den.</p>
        <p>Du kan återställa den senare.</p>
      </ConfirmDialog>
    </div>
  );
}
