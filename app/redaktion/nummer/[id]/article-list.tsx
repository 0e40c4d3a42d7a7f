"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/errors";
import type { IssueArticle } from "@/lib/issues/load-issue";
import { PLACEMENT_LABELS } from "@/lib/issues/types";
import { STATUS_LABELS } from "@/lib/workflow/labels";
import { moveArticleAction, removeArticleAction, setPlacementAction } from "../actions";

const button = "rounded border border-brand px-2 py-1 text-sm font-semibold text-brand disabled:opacity-40";

/** The issue's articles in reading order, with the redaktör's tools to arrange them. */
export function ArticleList({ issueId, version, articles, locked }: { issueId: string; version: number; articles: IssueArticle[]; locked: boolean }) {
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (call: () => Promise<ActionResult<unknown>>) =>
    startTransition(async () => {
      const result = await call();
      setMessage(result.ok ? null : result.message);
    });
  const base = { issueId, baseVersion: version };
  const firstArticle = articles.findIndex((a) => a.placement === "article");

  if (articles.length === 0) return <p className="text-muted">Numret har inga artiklar ännu. Lägg till den första nedan.</p>;
  return (
    <div>
      {message ? <p role="alert" className="mb-3 rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">{message}</p> : null}
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
                  <button type="button" className={button} aria-label={`Flytta upp ${title}`} disabled={pending || isColumn || index <= Math.max(firstArticle, 0)}
                    onClick={() => run(() => moveArticleAction({ ...base, itemId: article.id, direction: "up" }))}>
                    Flytta upp
                  </button>
                  <button type="button" className={button} aria-label={`Flytta ned ${title}`} disabled={pending || isColumn || index === articles.length - 1}
                    onClick={() => run(() => moveArticleAction({ ...base, itemId: article.id, direction: "down" }))}>
                    Flytta ned
                  </button>
                  <button type="button" className={button} aria-label={isColumn ? `Gör ${title} till artikel` : `Gör ${title} till krönika`} disabled={pending}
                    onClick={() => run(() => setPlacementAction({ ...base, itemId: article.id, placement: isColumn ? "article" : "column" }))}>
                    {isColumn ? "Gör till artikel" : "Gör till krönika"}
                  </button>
                  {article.removable ? (
                    <button type="button" className="rounded border border-red-700 px-2 py-1 text-sm text-red-800 disabled:opacity-40" aria-label={`Ta bort ${title}`} disabled={pending}
                      onClick={() => {
                        if (!window.confirm(`Vill du ta bort utkastet ”${title}”? Det går inte att ångra.`)) return;
                        run(() => removeArticleAction({ ...base, itemId: article.id }));
                      }}>
                      Ta bort
                    </button>
                  ) : null}
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
