import type { Tx } from "@/db/types";
import type { CurrentUser } from "@/lib/auth/session";
import { absoluteUrl } from "@/lib/feeds/urls";
import { enqueueMail } from "@/lib/mail/queue";
import { utgivareReviewers, writerRecipients } from "@/lib/mail/recipients";
import * as templates from "@/lib/mail/templates";
import { createApprovalToken } from "../approval-link";

/**
 * Mails every active utgivare a review request for a text or a whole issue, each with a personal
 * one-time approval link bound to exactly what was sent (a revision, or an issue's content hash).
 */
export async function notifyReviewers(
  tx: Tx,
  target: { itemId?: string; issueId?: string; revisionId?: string; contentHash: string; title: string; reviewPath: string; about: templates.Subject },
  submitter: CurrentUser,
  now: Date,
): Promise<void> {
  for (const reviewer of await utgivareReviewers(tx)) {
    const { token, expiresAt } = await createApprovalToken(
      tx,
      { itemId: target.itemId, issueId: target.issueId, revisionId: target.revisionId, contentHash: target.contentHash, userId: reviewer.id },
      now,
    );
    const mail = templates.submittedForReview({
      title: target.title,
      submitterName: submitter.name,
      reviewUrl: absoluteUrl(target.reviewPath),
      approveLinkUrl: absoluteUrl(`/redaktion/granska/lank/${token}`),
      expiresAt,
      about: target.about,
    });
    await enqueueMail(tx, { to: reviewer.email, ...mail, kind: target.about === "issue" ? "issue.submitted" : "item.submitted" });
  }
}

/** Mails the writers of one or more texts (an issue's articles), each person once. */
export async function notifyWriters(tx: Tx, itemIds: readonly string[], kind: string, mail: templates.MailContent): Promise<void> {
  const recipients = new Map<string, string>();
  for (const id of itemIds) for (const to of await writerRecipients(tx, id)) recipients.set(to.toLowerCase(), to);
  for (const to of recipients.values()) await enqueueMail(tx, { to, ...mail, kind });
}
