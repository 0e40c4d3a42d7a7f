"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type ReactNode } from "react";
import { ConfirmDialog } from "@/components/ui/dialog";
import { flushPendingSave } from "@/components/editor/pending-save";
import type { ActionResult } from "@/lib/errors";
import { STATUS_LABELS, type WorkflowStatus } from "@/lib/workflow/labels";
import { ACTION_LABELS, type WorkflowAction } from "@/lib/workflow/transitions";

/** A question asked in the product's own dialog before a step is taken, saying what will happen. */
export type WorkflowAsk = {
  title: string;
  body: ReactNode;
  confirmLabel: string;
  /** The step cannot be taken yet: the dialog explains why and offers only "Stäng". */
  blocked?: boolean;
};

export type WorkflowPanelProps = {
  target: "item" | "issue";
  id: string;
  /** For a text: the revision on screen (what "Godkänn" binds to). */
  revisionId?: string;
  /** For an issue: the hash of the issue as shown (what "Godkänn" binds to). */
  contentHash?: string;
  status: WorkflowStatus;
  live: boolean;
  /** What this user may do now, from availableActions() on the server. */
  actions: WorkflowAction[];
  /** Facts shown under the status: "Godkänd av … version 4", "Publiceras 1 december 2026 kl. 08.00". */
  facts?: string[];
  /** The text was published before: publishing again may carry a public correction. */
  republish?: boolean;
  /** Where the reviewer decides (shown instead of approve/request changes in the editor). */
  reviewHref?: string;
  /** Decisions belong on the review page; the editor only links there. */
  decisionsElsewhere?: boolean;
  /**
   * For an issue: its whole-issue preview, offered to whoever may approve, so the decision is taken
   * on the issue as readers will get it and not only on its parts.
   */
  previewHref?: string;
  /** Steps to ask about first, beyond publishing and withdrawing (always asked). */
  asks?: Partial<Record<WorkflowAction, WorkflowAsk>>;
};

const DONE: Record<WorkflowAction, string> = {
  submit: "Skickad för granskning. Ansvarig utgivare har fått ett meddelande.",
  request_changes: "Ändringar begärda. Skribenten har fått ett meddelande.",
  approve: "Godkänd.",
  publish: "Publicerad. Läsarna ser den nu.",
  schedule: "Schemalagd.",
  unschedule: "Schemaläggningen är avbruten.",
  withdraw: "Avpublicerad. Läsarna ser den inte längre.",
};

const ASK: Record<WorkflowPanelProps["target"], Partial<Record<WorkflowAction, WorkflowAsk>>> = {
  item: {
    publish: { title: "Publicera texten nu?", body: "Läsarna ser den godkända versionen direkt, på webbplatsen och i flödena.", confirmLabel: "Publicera nu" },
    withdraw: {
      title: "Avpublicera texten?",
      body: "Läsarna ser den inte längre. Texten finns kvar här och kan publiceras igen efter en ny granskning.",
      confirmLabel: "Avpublicera",
    },
  },
  issue: {
    publish: {
      title: "Publicera numret nu?",
      body: "Alla artiklar i numret blir synliga för läsarna på en gång, kalendariet fryses och numret skickas med e-post till prenumeranterna.",
      confirmLabel: "Publicera nu",
    },
    withdraw: {
      title: "Avpublicera numret?",
      body: "Läsarna ser inte numret eller dess artiklar längre. E-post som redan har skickats går inte att ta tillbaka.",
      confirmLabel: "Avpublicera",
    },
  },
};

/** The workflow buttons of a text or an issue, with the few fields some of them need. */
/** What a button sends to the server action behind it (app/redaktion/arbetsflode/actions.ts). */
export type WorkflowStep = {
  target: "item" | "issue";
  id: string;
  action: WorkflowAction;
  revisionId?: string;
  contentHash?: string;
  comment?: string;
  scheduledLocal?: string;
  correction?: string;
};

/**
 * `act` is that server action, handed in by the page: components sit below app/ and never import
 * from it.
 */
export function WorkflowPanel(props: WorkflowPanelProps & { act: (step: WorkflowStep) => Promise<ActionResult<{ status: string }>> }) {
  const router = useRouter();
  const ids = useId();
  const [pending, startTransition] = useTransition();
  const [comment, setComment] = useState("");
  const [scheduledLocal, setScheduledLocal] = useState("");
  const [correction, setCorrection] = useState("");
  const [error, setError] = useState<{ message: string; reasons: string[] } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [asking, setAsking] = useState<WorkflowAction | null>(null);
  const asks = { ...ASK[props.target], ...props.asks };
  const ask = asking ? asks[asking] : undefined;

  const decisions = new Set<WorkflowAction>(["approve", "request_changes"]);
  const actions = props.decisionsElsewhere ? props.actions.filter((a) => !decisions.has(a)) : props.actions;
  const has = (action: WorkflowAction) => actions.includes(action);

  function run(action: WorkflowAction) {
    setAsking(null);
    setError(null);
    setDone(null);
    startTransition(async () => {
      if (!(await flushPendingSave())) {
        setError({ message: "Texten är inte sparad ännu. Vänta tills det står Sparat och försök igen.", reasons: [] });
        return;
      }
      const result = await props.act({
        target: props.target,
        id: props.id,
        action,
        revisionId: props.revisionId,
        contentHash: props.contentHash,
        comment: action === "request_changes" ? comment : undefined,
        scheduledLocal: action === "schedule" ? scheduledLocal : undefined,
        correction: action === "publish" && correction.trim() ? correction : undefined,
      });
      if (!result.ok) {
        setError({ message: result.message, reasons: result.fieldErrors?.reasons ?? [] });
        return;
      }
      setDone(DONE[action]);
      setComment("");
      setCorrection("");
      router.refresh();
    });
  }

  return (
    <section aria-labelledby={`${ids}-heading`} className="space-y-3 rounded border border-slate-300 bg-white p-4">
      <h2 id={`${ids}-heading`} className="text-lg font-bold">
        Status: {STATUS_LABELS[props.status]}
        {props.live && props.status !== "published" ? <span className="ml-2 text-base font-normal">(en tidigare version är publicerad)</span> : null}
      </h2>
      {props.facts?.length ? (
        <ul className="space-y-1 text-sm">
          {props.facts.map((fact) => (
            <li key={fact}>{fact}</li>
          ))}
        </ul>
      ) : null}
      {props.decisionsElsewhere && props.reviewHref && props.actions.some((a) => decisions.has(a)) ? (
        <p>
          <Link href={props.reviewHref} className="font-semibold text-brand underline">
            Granska texten
          </Link>{" "}
          – läs den som läsarna ser den, jämför med den godkända versionen och godkänn eller begär ändringar.
        </p>
      ) : null}

      {props.previewHref && has("approve") ? (
        <p>
          <Link href={props.previewHref} className="font-semibold text-brand underline">
            Förhandsgranska numret
          </Link>{" "}
          – läs hela numret som läsarna ser det innan du godkänner.
        </p>
      ) : null}

      {has("request_changes") ? (
        <div>
          <label htmlFor={`${ids}-comment`} className="block font-semibold">
            Vad behöver ändras?
          </label>
          <textarea
            id={`${ids}-comment`}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            rows={3}
            className="mt-1 w-full rounded border border-slate-400 p-2"
            aria-describedby={`${ids}-comment-help`}
          />
          <p id={`${ids}-comment-help`} className="text-sm text-slate-700">
            Krävs för &quot;Begär ändringar&quot;. Skribenten får kommentaren med e-post och i redigeraren.
          </p>
        </div>
      ) : null}
      {has("schedule") ? (
        <div>
          <label htmlFor={`${ids}-when`} className="block font-semibold">
            Publiceringstid (svensk tid)
          </label>
          <input
            id={`${ids}-when`}
            type="datetime-local"
            value={scheduledLocal}
            onChange={(e) => setScheduledLocal(e.target.value)}
            className="mt-1 rounded border border-slate-400 p-2"
          />
        </div>
      ) : null}
      {has("publish") && props.republish ? (
        <div>
          <label htmlFor={`${ids}-correction`} className="block font-semibold">
            Rättelse (visas för läsarna, valfri)
          </label>
          <textarea
            id={`${ids}-correction`}
            value={correction}
            onChange={(e) => setCorrection(e.target.value)}
            rows={2}
            className="mt-1 w-full rounded border border-slate-400 p-2"
            aria-describedby={`${ids}-correction-help`}
          />
          <p id={`${ids}-correction-help`} className="text-sm text-slate-700">
            Skriv vad som var fel om den nya versionen rättar ett sakfel. Den visas som &quot;Rättelse&quot; med dagens datum.
          </p>
        </div>
      ) : null}

      {actions.length > 0 ? (
        <div className="flex flex-wrap gap-2">
          {actions.map((action) => (
            <button
              key={action}
              type="button"
              disabled={pending}
              onClick={() => (asks[action] ? setAsking(action) : run(action))}
              className={
                action === "withdraw" || action === "request_changes"
                  ? "rounded border-2 border-brand px-3 py-1.5 font-semibold text-brand disabled:opacity-60"
                  : "rounded bg-brand px-3 py-1.5 font-semibold text-white disabled:opacity-60"
              }
            >
              {ACTION_LABELS[action]}
            </button>
          ))}
        </div>
      ) : null}

      {/* Always mounted, so closing it hands focus back to the button that opened it. */}
      <ConfirmDialog
        open={Boolean(ask && asking)}
        onClose={() => setAsking(null)}
        title={ask?.title ?? ""}
        confirmLabel={ask?.blocked ? null : (ask?.confirmLabel ?? null)}
        onConfirm={() => asking && run(asking)}
        pending={pending}
      >
        {typeof ask?.body === "string" ? <p>{ask.body}</p> : ask?.body}
      </ConfirmDialog>

      <div aria-live="polite">
        {pending ? <p>Arbetar…</p> : null}
        {done ? (
          <p role="status" className="font-semibold text-green-800">
            {done}
          </p>
        ) : null}
      </div>
      {error ? (
        <div role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3">
          <p className="font-semibold">{error.message}</p>
          {error.reasons.length ? (
            <ul className="mt-1 list-disc pl-5">
              {error.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
