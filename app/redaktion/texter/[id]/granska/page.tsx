import type { Metadata } from "next";
import Link from "next/link";
import { ArticleView } from "@/components/content/article-view";
import { DiffView } from "@/components/editor/diff-view";
import { CommentsPanel } from "@/components/review/comments-panel";
import { DescriptionPreview } from "@/components/review/description-preview";
import { WorkflowPanel } from "@/components/workflow/workflow-panel";
import { workflowAction } from "@/app/redaktion/arbetsflode/actions";
import { getDb } from "@/db/client";
import { getRevision } from "@/db/queries/editorial";
import { requireUser } from "@/lib/auth/session";
import { diffDocuments, textLines } from "@/lib/content/diff";
import { getMedia } from "@/lib/media/list-media";
import { canEdit } from "@/lib/permissions";
import { lastApprovedRevision } from "@/lib/workflow/last-approved";
import { loadTextForPage } from "../load";
import { itemWorkflowPanel } from "../workflow";

export const metadata: Metadata = { title: "Granska text" };

/**
 * Where the utgivare decides: the text exactly as readers will see it, what changed since the last
 * approved version, the comments, and the decision buttons bound to the version on screen.
 */
export default async function ReviewTextPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/redaktion/texter/${id}/granska`);
  const db = await getDb();
  const loaded = await loadTextForPage(db, user, id);
  const { item, current } = loaded;
  const cover = current.coverMediaId ? await getMedia(db, current.coverMediaId) : null;
  const workflow = await itemWorkflowPanel(db, user, loaded);
  const approved = await lastApprovedRevision(db, item.id);
  const published = !approved && item.publishedRevisionId ? await getRevision(db, item.publishedRevisionId) : undefined;
  const baseline = approved ?? published ?? null;
  const diff = baseline && baseline.id !== current.id ? diffDocuments(textLines(baseline), textLines(current)) : null;

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="space-y-6">
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h1 className="text-2xl font-bold">Granska: {current.title || "(utan rubrik)"}</h1>
          {canEdit(user, loaded.owned) ? (
            <Link href={`/redaktion/texter/${id}`} className="font-semibold text-brand underline">
              Öppna i redigeraren
            </Link>
          ) : null}
        </div>
        <section aria-labelledby="readers-view" className="space-y-2">
          <h2 id="readers-view" className="text-lg font-bold">
            Så här ser läsarna version {current.number}
          </h2>
          <div data-review-text className="rounded bg-paper py-6">
            <ArticleView title={current.title || "(utan rubrik)"} lead={current.lead} body={current.body} byline={current.byline} publishedAt={item.publishedAt} cover={cover} />
          </div>
        </section>
        <DescriptionPreview title={current.title} lead={current.lead} description={current.description} headingId="preview-heading" />
        <section aria-labelledby="changes" className="space-y-2">
          <h2 id="changes" className="text-lg font-bold">
            Ändringar sedan{" "}
            {approved ? `den senast godkända versionen (version ${approved.number})` : published ? `den publicerade versionen (version ${published.number})` : "förra godkännandet"}
          </h2>
          {diff ? (
            <div className="rounded border border-slate-300 bg-white p-4">
              <DiffView lines={diff} />
            </div>
          ) : (
            <p>{baseline ? "Inga ändringar: det här är den godkända versionen." : "Texten har inte godkänts tidigare, så hela texten är ny."}</p>
          )}
        </section>
      </div>
      <aside className="space-y-6" aria-label="Beslut och kommentarer">
        <WorkflowPanel key={`${item.status}-${current.id}`} {...workflow} act={workflowAction} />
        <CommentsPanel itemId={item.id} canComment />
      </aside>
    </div>
  );
}
