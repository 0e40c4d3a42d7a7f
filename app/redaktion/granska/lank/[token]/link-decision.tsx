"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { linkReviewAction } from "@/app/redaktion/arbetsflode/actions";

/** "Godkänn" and "Begär ändringar" for the mailed version; the comment is required for the latter. */
export function LinkDecision({ token, doneHref }: { token: string; doneHref: string }) {
  const [pending, startTransition] = useTransition();
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  function decide(action: "approve" | "request_changes") {
    setError(null);
    startTransition(async () => {
      const result = await linkReviewAction({ token, action, comment: action === "request_changes" ? comment : undefined });
      if (!result.ok) setError(result.message);
      else setDone(action === "approve" ? "Godkänd. Skribenten har fått ett meddelande." : "Ändringar begärda. Skribenten har fått ett meddelande.");
    });
  }

  if (done) {
    return (
      <div role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3">
        <p className="font-semibold">{done}</p>
        <Link href={doneHref} className="text-brand underline">
          Fortsätt
        </Link>
      </div>
    );
  }
  return (
    <section aria-label="Beslut" className="space-y-3 rounded border border-slate-300 bg-white p-4">
      <label htmlFor="link-comment" className="block font-semibold">
        Vad behöver ändras?
      </label>
      <textarea id="link-comment" value={comment} onChange={(e) => setComment(e.target.value)} rows={3} className="w-full rounded border border-slate-400 p-2" />
      <div className="flex gap-2">
        <button type="button" disabled={pending} onClick={() => decide("approve")} className="rounded bg-brand px-3 py-1.5 font-semibold text-white">
          Godkänn
        </button>
        <button type="button" disabled={pending} onClick={() => decide("request_changes")} className="rounded border-2 border-brand px-3 py-1.5 font-semibold text-brand">
          Begär ändringar
        </button>
      </div>
      {error ? (
        <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3 font-semibold">
          {error}
        </p>
      ) : null}
    </section>
  );
}
