"use client";

import Link from "next/link";
import { useId, useState, useTransition } from "react";
import { ConfirmDialog } from "@/components/ui/dialog";
import type { ActionResult } from "@/lib/errors";
import type { IssueArticle } from "@/lib/issues/load-issue";
import { PLACEMENT_LABELS } from "@/lib/issues/types";
import { STATUS_LABELS, type WorkflowStatus } from "@/lib/workflow/labels";
import { moveArticleAction, moveArticleToIssueAction, setPlacementAction, takeArticleOutAction } from "../actions";

const button = "rounded border border-brand px-2 py-1 text-sm font-semibold text-brand disabled:opacity-40";

type Props = {
  issueId: string;
  issueStatus: WorkflowStatus;
  version: number;
  articles: IssueArticle[];
  locked: boolean;
  /** The newsletter's other issues this user may move an article into. */
  otherIssues: { id: string; label: string }[];
};

/** Said in the dialogs: a change to an approved or scheduled issue undoes that decision. */
export function voidNote(status: WorkflowStatus): string | null {
  if (status === "approved") return "Numret är godkänt: godkännandet upphävs, och numret måste granskas och godkännas igen.";
  if (status === "scheduled") return "Numret är schemalagt: schemat och godkännandet upphävs, och numret måste granskas och godkännas igen.";
  return null;
}

type Pending = { kind: "out" | "move"; article: IssueArticle; title: string };

/** The issue's articles in reading order, with the redaktör's tools to arrange them. */
export function ArticleList({ issueId, issueStatus, version, articles, locked, otherIssues }: Props) {
  const ids = useId();
  const [message, setMessage] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ text: string; href: string; linkText: string } | null>(null);
  const [asking, setAsking] = useState<Pending | null>(null);
  const [toIssueId, setToIssueId] = useState("");
  const [pending, startTransition] = useTransition();
  const run = (call: () => Promise<ActionResult<unknown>>, after?: () => void) =>
    startTransition(async () => {
      const result = await call();
      setMessage(result.ok ? null : result.message);
      if (result.ok) after?.();
      setAsking(null);
    });
  const base = { issueId, baseVersion: version };
  const firstArticle = articles.findIndex((a) => a.placement === "article");
  const voided = voidNote(issueStatus);

  return (
    <div>
      {message ? (
        <p role="alert" className="mb-3 rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
          {message}
        </p>
      ) : null}
      {notice ? (
        <p role="status" className="mb-3 rounded border-l-4 border-green-700 bg-green-50 p-3">
          {notice.text}{" "}
          <Link href={notice.href} className="font-semibold text-brand underline">
            {notice.linkText}
          </Link>
        </p>
      ) : null}
      {articles.length === 0 ? <p className="text-muted">Numret har inga artiklar ännu. Lägg till den första nedan.</p> : null}
      <ol className="space-y-2" aria-busy={pending}>
        {articles.map((article, index) => {
          const title = article.title || "(utan rubrik)";
          const isColumn = article.placement === "column";
          return (
            <li key={article.id} className="flex flex-wrap items-center justify-between gap-3 rounded border border-gray-300 bg-white p-3">
              <div>
                <p className="text-sm font-semibold uppercase tracking-wide text-accent">{PLACEMENT_LABELS[article.placement]}</p>
                <Link href={`/redaktion/texter/${article.id}`} className="text-lg font-semibold text-brand underline-offset-4 hover:underline">
                  {title}
                </Link>
                <p className="text-sm text-muted">
                  {STATUS_LABELS[article.status]}
                  {article.authors.length ? ` · ${article.authors.join(", ")}` : ""}
                </p>
              </div>
              {locked ? null : (
                <div className="flex flex-wrap gap-2">
                  <button
                    type="button"
                    className={button}
                    aria-label={`Flytta upp ${title}`}
                    disabled={pending || isColumn || index <= Math.max(firstArticle, 0)}
                    onClick={() => run(() => moveArticleAction({ ...base, itemId: article.id, direction: "up" }))}
                  >
                    Flytta upp
                  </button>
                  <button
                    type="button"
                    className={button}
                    aria-label={`Flytta ned ${title}`}
                    disabled={pending || isColumn || index === articles.length - 1}
                    onClick={() => run(() => moveArticleAction({ ...base, itemId: article.id, direction: "down" }))}
                  >
                    Flytta ned
                  </button>
                  <button
                    type="button"
                    className={button}
                    aria-label={isColumn ? `Gör ${title} till artikel` : `Gör ${title} till krönika`}
                    disabled={pending}
                    onClick={() => run(() => setPlacementAction({ ...base, itemId: article.id, placement: isColumn ? "article" : "column" }))}
                  >
                    {isColumn ? "Gör till artikel" : "Gör till krönika"}
                  </button>
                  {article.movable ? (
                    <>
                      <button
                        type="button"
                        className={button}
                        aria-label={`Flytta ${title} till nummer …`}
                        disabled={pending || otherIssues.length === 0}
                        title={otherIssues.length === 0 ? "Det finns inget annat nummer att flytta till." : undefined}
                        onClick={() => {
                          setToIssueId(otherIssues[0]?.id ?? "");
                          setAsking({ kind: "move", article, title });
                        }}
                      >
                        Flytta till nummer …
                      </button>
                      <button type="button" className={button} aria-label={`Ta ${title} ur numret`} disabled={pending} onClick={() => setAsking({ kind: "out", article, title })}>
                        Ta ur numret
                      </button>
                    </>
                  ) : null}
                </div>
              )}
            </li>
          );
        })}
      </ol>

      <ConfirmDialog
        open={asking?.kind === "out"}
        onClose={() => setAsking(null)}
        title={`Ta ”${asking?.title ?? ""}” ur numret?`}
        confirmLabel="Ta ur numret"
        pending={pending}
        onConfirm={() => {
          const target = asking!;
          run(
            () => takeArticleOutAction({ ...base, itemId: target.article.id }),
            () =>
              setNotice({
                text: `”${target.title}” är uttagen ur numret. Texten finns kvar som ett utkast utan nummer.`,
                href: `/redaktion/texter/${target.article.id}`,
                linkText: `Öppna ”${target.title}”`,
              }),
          );
        }}
      >
        <p>Texten tas inte bort. Den finns kvar hos skribenten som ett utkast utan nummer, under Texter, och kan läggas i ett nummer igen med ”Lägg till befintlig text”.</p>
        {voided ? <p className="font-semibold">{voided}</p> : null}
      </ConfirmDialog>

      <ConfirmDialog
        open={asking?.kind === "move"}
        onClose={() => setAsking(null)}
        title={`Flytta ”${asking?.title ?? ""}” till ett annat nummer`}
        confirmLabel="Flytta"
        pending={pending}
        onConfirm={() => {
          const target = asking!;
          const label = otherIssues.find((i) => i.id === toIssueId)?.label ?? "det andra numret";
          run(
            () => moveArticleToIssueAction({ ...base, itemId: target.article.id, toIssueId }),
            () =>
              setNotice({
                text: `”${target.title}” ligger nu sist i ${label.replace(/ \(.*$/, "").toLowerCase()}.`,
                href: `/redaktion/nummer/${toIssueId}`,
                linkText: "Gå till numret",
              }),
          );
        }}
      >
        <div>
          <label htmlFor={`${ids}-till`} className="block font-semibold">
            Till nummer
          </label>
          <select id={`${ids}-till`} value={toIssueId} onChange={(e) => setToIssueId(e.target.value)} className="mt-1 w-full rounded border border-gray-500 px-3 py-2">
            {otherIssues.map((issue) => (
              <option key={issue.id} value={issue.id}>
                {issue.label}
              </option>
            ))}
          </select>
        </div>
        <p>Artikeln hamnar sist i det numret, med sin text oförändrad. Har den granskats eller godkänts blir den ett utkast igen.</p>
        {voided ? <p className="font-semibold">{voided}</p> : null}
      </ConfirmDialog>
    </div>
  );
}
