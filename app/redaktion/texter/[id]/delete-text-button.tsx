"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { deleteTextAction } from "../actions";

export function DeleteTextButton({ id }: { id: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div>
      {message ? <p role="alert" className="text-red-800">{message}</p> : null}
      <button
        type="button"
        className="rounded border border-red-700 px-3 py-1 text-red-800"
        onClick={async () => {
          if (!window.confirm("Vill du ta bort utkastet? Det går inte att ångra.")) return;
          const result = await deleteTextAction(id);
          if (result.ok) router.push("/redaktion/texter");
          else setMessage(result.message);
        }}
      >
        Ta bort utkastet
      </button>
    </div>
  );
}
