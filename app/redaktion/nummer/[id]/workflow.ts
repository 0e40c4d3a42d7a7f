import "server-only";
import type { WorkflowPanelProps } from "@/components/workflow/workflow-panel";
import { getUserName } from "@/db/queries/editorial";
import { getIssueRow, listIssueComments } from "@/db/queries/issues";
import type { Db } from "@/db/types";
import type { CurrentUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { currentIssueHash } from "@/lib/workflow/services/issue-workflow";
import { availableActions } from "@/lib/workflow/transitions";

/** The workflow panel of an issue: bound to the issue's content hash as shown on the page. */
export async function issueWorkflowPanel(db: Db, user: CurrentUser, issueId: string): Promise<WorkflowPanelProps | null> {
  const issue = await getIssueRow(db, issueId);
  if (!issue) return null;
  const now = new Date();
  const live = Boolean(issue.publishedAt && issue.publishedAt <= now && !issue.withdrawnAt);
  const context = { target: "issue" as const, status: issue.status, live, mayEdit: false, publishableAlone: true };
  const facts: string[] = [];
  const name = async (id: string | null) => (await getUserName(db, id)) ?? "okänd";
  if (issue.submittedAt && (issue.status === "in_review" || issue.status === "changes_requested"))
    facts.push(`Skickat för granskning av ${await name(issue.submittedBy)} ${formatDateTime(issue.submittedAt)}.`);
  if (issue.approvedAt) facts.push(`Godkänt av ${await name(issue.approvedBy)} ${formatDateTime(issue.approvedAt)}.`);
  if (issue.scheduledAt && issue.status === "scheduled") facts.push(`Publiceras ${formatDateTime(issue.scheduledAt)}.`);
  if (issue.status === "published" && issue.publishedAt) facts.push(`Publicerat ${formatDateTime(issue.publishedAt)}. Kalendariet är fryst som det var då.`);
  return { target: "issue", id: issue.id, contentHash: await currentIssueHash(db, issue), status: issue.status, live, actions: availableActions(user, context), facts };
}

/** The issue-level review comments ("Begär ändringar" on a whole issue), oldest first. */
export async function issueComments(db: Db, issueId: string) {
  return listIssueComments(db, issueId);
}
