import { mailMessages } from "@/db/schema";
import type { DbOrTx } from "@/db/types";

export type QueuedMail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** What the message is about, for the outbox list: "item.submitted", "issue.sent", … (see MAIL_KIND_LABELS). */
  kind: string;
  /**
   * Makes "never twice" a database constraint: a second enqueue with the same key is a no-op. Build it
   * from what must be unique, e.g. `issue:<issueId>:subscriber:<subscriberId>`.
   */
  dedupeKey?: string;
};

/**
 * Queues one e-mail. Takes the caller's transaction so that a workflow change and its notification
 * commit (or roll back) together; delivery happens later in deliverDueMail().
 */
export async function enqueueMail(tx: DbOrTx, message: QueuedMail): Promise<void> {
  await tx
    .insert(mailMessages)
    .values({
      to: message.to.trim(),
      // A subject is one header line: a newline in a title must not start another header.
      subject: message.subject.replace(/\s+/g, " ").trim(),
      text: message.text,
      html: message.html ?? null,
      kind: message.kind,
      dedupeKey: message.dedupeKey ?? null,
      // From this process's clock in whole milliseconds, like the `now` the deliverer compares with:
      // the database's now() has microseconds and would make a message enqueued in the same
      // millisecond look not yet due.
      nextAttemptAt: new Date(),
    })
    .onConflictDoNothing({ target: mailMessages.dedupeKey });
}
