import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { TextEditor } from "@/components/editor/text-editor";
import { getDb } from "@/db/client";
import { getPublication, listUsers } from "@/db/queries/editorial";
import { getIssueRow } from "@/db/queries/issues";
import { listPlacements } from "@/lib/editorial/placement";
import { requireUser } from "@/lib/auth/session";
import { isDeletable } from "@/lib/editorial/delete-text";
import { isMovable } from "@/lib/issues/place-text";
import { getMedia } from "@/lib/media/list-media";
import { canDelete, canEdit } from "@/lib/permissions";
import { WorkflowPanel } from "@/components/workflow/workflow-panel";
import { DeleteTextButton } from "./delete-text-button";
import { MoveTextForm } from "./move-text-form";
import { loadTextForPage } from "./load";
import { itemWorkflowPanel } from "./workflow";
import { workflowAction } from "@/app/redaktion/arbetsflode/actions";
import { overrideWarningAction, restoreRevisionAction, setAuthorsAction } from "@/app/redaktion/texter/actions";

export const metadata: Metadata = { title: "Redigera text" };

type Props = { params: Promise<{ id: string }> };

export default async function EditTextPage({ params }: Props) {
  const { id } = await params;
  const user = await requireUser(`/redaktion/texter/${id}`);
  const db = await getDb();
  const loaded = await loadTextForPage(db, user, id);
  if (!canEdit(user, loaded.owned)) redirect(`/redaktion/texter/${id}/forhandsgranska`);
  const { item, current } = loaded;
  const pub = await getPublication(db, item.publicationId);
  const issue = item.issueId ? await getIssueRow(db, item.issueId) : undefined;
  const where = item.kind === "post" ? `Blogginlägg i ${pub?.name}` : `Artikel i ${pub?.name}${issue ? `, nummer ${issue.number} ${issue.year}` : ", utan nummer"}`;
  const staff = await listUsers(db);
  const cover = current.coverMediaId ? await getMedia(db, current.coverMediaId) : null;
  const deletable = canDelete(user, loaded.owned) && isDeletable(item);
  const workflow = await itemWorkflowPanel(db, user, loaded);
  const movable = isMovable(item);
  const here = item.issueId ? `${item.publicationId}:${item.issueId}` : item.publicationId;
  const placements = movable ? await listPlacements(db, user, { unplaced: true }) : [];
  // The place it is in now is always listed, even when this user could not put a new text there.
  if (movable && !placements.some((p) => p.value === here)) placements.unshift({ value: here, label: where });

  return (
    <div className="space-y-4">
      <h1 className="sr-only">Redigera text</h1>
      {/* Decisions are taken on the review page, where the reviewer sees the text as readers will. */}
      <WorkflowPanel key={`${item.status}-${current.id}`} {...workflow} act={workflowAction} decisionsElsewhere />
      <TextEditor
        id={item.id}
        version={item.version}
        savedAt={item.updatedAt.toISOString()}
        title={current.title}
        lead={current.lead}
        description={current.description}
        slug={item.slug}
        tags={current.tags}
        cover={cover ? { id: cover.id, alt: cover.alt } : null}
        body={current.body}
        where={where}
        signer={{ name: user.name, title: user.jobTitle }}
        warningOverrides={item.warningOverrides}
        byline={current.byline}
        staff={staff.filter((s) => s.active && s.role !== "admin").map((s) => ({ id: s.id, name: s.name, jobTitle: s.jobTitle }))}
        actions={{ setAuthors: setAuthorsAction, restoreRevision: restoreRevisionAction, overrideWarning: overrideWarningAction }}
      />
      {movable ? <MoveTextForm id={item.id} current={here} placements={placements} /> : null}
      {deletable ? <DeleteTextButton id={item.id} title={current.title} /> : null}
    </div>
  );
}
