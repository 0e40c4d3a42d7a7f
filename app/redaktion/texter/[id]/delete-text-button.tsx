"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ConfirmDialog } from "@/components/ui/dialog";
import { deleteTextAction } from "../actions";

/** Deleting is only ever offered here, on the text itself, and asks first in the product's own dialog. */
export function DeleteTextButton({ id, title }: { id: string; title: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const name = title.trim() || "(utan rubrik)";
  return (
    <div>
      {message ? (
        <p role="alert" className="text-red-800">
          {message}
        </p>
      ) : null}
      <button type="button" className="rounded border border-red-700 px-3 py-1 text-red-800" onClick={() => setOpen(true)}>
        Ta bort utkastet
      </button>
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        title={`Ta bort ”${name}” för gott?`}
        confirmLabel="Ta bort texten"
        tone="danger"
        pending={pending}
        onConfirm={() =>
          startTransition(async () => {
            const result = await deleteTextAction(id);
            if (result.ok) {
              router.push("/redaktion/texter");
              return;
            }
            setMessage(result.message);
            setOpen(false);
          })
        }
      >
        <p>Texten och alla dess sparade versioner raderas. Det går inte att ångra.</p>
        <p>Vill du bara ta den ur ett nummer eller flytta den, välj ”Flytta texten” i stället: då finns den kvar.</p>
      </ConfirmDialog>
    </div>
  );
}
