import type { Metadata } from "next";
import Link from "next/link";
import { ArticleView } from "@/components/content/article-view";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth/session";
import { getMedia } from "@/lib/media/list-media";
import { loadTextForPage } from "../load";
import { canEdit } from "@/lib/permissions";

export const metadata: Metadata = { title: "Förhandsgranska" };

export default async function PreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/redaktion/texter/${id}/forhandsgranska`);
  const db = await getDb();
  const loaded = await loadTextForPage(db, user, id);
  const { item, current } = loaded;
  const cover = current.coverMediaId ? await getMedia(db, current.coverMediaId) : null;
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
