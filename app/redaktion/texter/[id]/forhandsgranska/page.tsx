import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ArticleView } from "@/components/content/article-view";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth/session";
import { loadTextForViewer } from "@/lib/editorial/view-text";
import { getMedia } from "@/lib/media/list-media";
import { AppError } from "@/lib/errors";
import { canEdit } from "@/lib/permissions";

export const metadata: Metadata = { title: "Förhandsgranska" };

export default async function PreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const user = await requireUser(`/redaktion/texter/${id}/forhandsgranska`);
  const loaded = await loadTextForViewer(await getDb(), user, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const { item, current } = loaded;
  const cover = current.coverMediaId ? await getMedia(await getDb(), current.coverMediaId) : null;
  return (
    <div className="space-y-6">
      <div role="note" className="flex flex-wrap items-center justify-between gap-3 rounded border-l-4 border-accent bg-amber-50 p-3">
        <p>
          <strong>Förhandsgranskning</strong> av version {current.number}: så här ser texten ut för läsarna.
          {item.publishedRevisionId === current.id ? " Den här versionen är publicerad." : " Den här versionen är inte publicerad."}
        </p>
        {canEdit(user, loaded.owned) ? (
          <Link href={`/redaktion/texter/${id}`} className="rounded bg-brand px-3 py-1 font-semibold text-white">
            Tillbaka till redigeringen
          </Link>
        ) : null}
      </div>
      <div className="rounded bg-paper py-6">
        <ArticleView title={current.title || "(utan rubrik)"} lead={current.lead} body={current.body} byline={current.byline} publishedAt={item.publishedAt} cover={cover} />
      </div>
    </div>
  );
}
