import { listPlacementOptions } from "@/db/queries/editorial";
import type { Db } from "@/db/types";
import { can, type Actor } from "@/lib/permissions";
import { WORKFLOW_STATUSES, type WorkflowStatus } from "@/lib/workflow/labels";

export type PlacementVerdict = { ok: true } | { ok: false; code: "FORBIDDEN" | "INVALID_TRANSITION"; message: string };

/**
 * Statuses where the composition is still being worked on: any writer may add an article. Once the
 * issue is in review, approved or scheduled, a new article changes what the utgivare looked at (and
 * voids an approval and a schedule), so only those who assemble issues may add one. A withdrawn issue
 * was public once; bringing it back is also theirs.
 */
const OPEN_TO_WRITERS: readonly WorkflowStatus[] = ["draft", "changes_requested"];

const CLOSED_REASON: Partial<Record<WorkflowStatus, string>> = {
  in_review: "Numret granskas",
  approved: "Numret är godkänt",
  scheduled: "Numret är schemalagt",
  withdrawn: "Numret är avpublicerat",
};

const VERB = { add: "lägga till artiklar i", remove: "ta ut artiklar ur" } as const;

/**
 * May `actor` change which articles an issue with this status holds, by adding one (a new text, a
 * moved or an existing one) or taking one out? Both change what the utgivare looked at, so both
 * follow one rule: the list on "Ny text", createText and placeText all ask here.
 */
export function mayChangeIssueContents(actor: Actor, issueStatus: WorkflowStatus, change: "add" | "remove"): PlacementVerdict {
  if (issueStatus === "published") return { ok: false, code: "INVALID_TRANSITION", message: "Numret är redan publicerat." };
  if (OPEN_TO_WRITERS.includes(issueStatus) || can(actor, "issue.manage")) return { ok: true };
  const reason = CLOSED_REASON[issueStatus] ?? "Numret är låst";
  return { ok: false, code: "FORBIDDEN", message: `${reason}. Bara den som sätter ihop nummer kan ${VERB[change]} det nu.` };
}

/** May `actor` place a new article in an issue with this status? */
export function mayPlaceNewArticle(actor: Actor, issueStatus: WorkflowStatus): PlacementVerdict {
  return mayChangeIssueContents(actor, issueStatus, "add");
}

/** The issue statuses to offer `actor` on "Ny text". */
export function placeableIssueStatuses(actor: Actor): WorkflowStatus[] {
  return WORKFLOW_STATUSES.filter((status) => mayPlaceNewArticle(actor, status).ok);
}

/** The "Placering" options of a new or a moved text: where `actor` may put it. */
export function listPlacements(db: Db, actor: Actor, options: { unplaced?: boolean } = {}) {
  return listPlacementOptions(db, placeableIssueStatuses(actor), options);
}
