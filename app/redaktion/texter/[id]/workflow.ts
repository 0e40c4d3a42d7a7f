import "server-only";
import type { WorkflowPanelProps } from "@/components/workflow/workflow-panel";
import { getUserName } from "@/db/queries/editorial";
import type { Db } from "@/db/types";
import type { CurrentUser } from "@/lib/auth/session";
import type { loadText } from "@/lib/editorial/load-text";
import { formatDateTime } from "@/lib/format";
import { canEdit } from "@/lib/permissions";
import { itemContext } from "@/lib/workflow/services/item-workflow";
import { availableActions } from "@/lib/workflow/transitions";

async function nameOf(db: Db, id: string | null) {
  return (await getUserName(db, id)) ?? "okänd";
}

/** What the workflow panel of a text shows this user: status, facts and the buttons they may use. */
export async function itemWorkflowPanel(db: Db, user: CurrentUser, loaded: Awaited<ReturnType<typeof loadText>>): Promise<WorkflowPanelProps> {
  const { item, current, owned } = loaded;
  const context = await itemContext(db, item, canEdit(user, owned), new Date());
  const facts: string[] = [];
  if (item.submittedAt && (item.status === "in_review" || item.status === "changes_requested")) {
    facts.push(`Skickad för granskning av ${await nameOf(db, item.submittedBy)} ${formatDateTime(item.submittedAt)}.`);
  }
  if (item.approvedAt && item.approvedRevisionId) {
    facts.push(`Godkänd av ${await nameOf(db, item.approvedBy)} ${formatDateTime(item.approvedAt)}.`);
  }
  if (item.scheduledAt && item.status === "scheduled") facts.push(`Publiceras ${formatDateTime(item.scheduledAt)}.`);
  if (context.live)
    facts.push(
      item.currentRevisionId === item.publishedRevisionId ? "Läsarna ser den här versionen." : "Läsarna ser den publicerade versionen tills den nya har godkänts och publicerats.",
    );
  if (item.withdrawnAt && item.status === "withdrawn") facts.push(`Avpublicerad ${formatDateTime(item.withdrawnAt)}.`);
  if (item.kind === "article" && !context.publishableAlone && item.status === "approved") facts.push("Artikeln publiceras tillsammans med sitt nummer.");
  return {
    target: "item",
    id: item.id,
    revisionId: current.id,
    status: item.status,
    live: context.live,
    actions: availableActions(user, context),
    facts,
    republish: Boolean(item.publishedRevisionId),
    reviewHref: `/redaktion/texter/${item.id}/granska`,
  };
}
