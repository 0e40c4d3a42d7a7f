import { eq } from "drizzle-orm";
import { z } from "zod";
import { newsletterIssues } from "@/db/schema";
import type { Db } from "@/db/types";
import { recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { AppError, parseInput } from "@/lib/errors";
import { absoluteUrl } from "@/lib/feeds/urls";
import { personalize, renderIssueEdition } from "@/lib/mail/edition";
import { enqueueMail } from "@/lib/mail/queue";
import { can } from "@/lib/permissions";

const inputSchema = z.object({ issueId: z.uuid() });

/**
 * "Skicka provutskick": the issue as subscribers would get it, marked as a test, to the sender's own
 * address only. Its unsubscribe link leads to the subscribe page, since the sender is no subscriber.
 * Staff may test any state of the issue: the preview is of what would go out if it were published now.
 */
export async function sendTestEdition(db: Db, actor: CurrentUser, raw: unknown, now = new Date()): Promise<{ to: string }> {
  const parsed = parseInput(inputSchema, raw, { message: "Numret finns inte." });
  if (!can(actor, "issue.manage")) throw new AppError("FORBIDDEN", "Du får inte skicka provutskick.");
  const [issue] = await db.select({ id: newsletterIssues.id }).from(newsletterIssues).where(eq(newsletterIssues.id, parsed.issueId)).limit(1);
  if (!issue) throw new AppError("NOT_FOUND", "Numret finns inte.");
  const rendered = personalize(await renderIssueEdition(db, issue.id, { revision: "current", test: true }), absoluteUrl("/prenumerera"));
  await db.transaction(async (tx) => {
    await enqueueMail(tx, {
      to: actor.email,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      kind: "newsletter.test",
      // One test per person and issue per second is plenty; a double click sends one.
      dedupeKey: `test:${issue.id}:${actor.id}:${Math.floor(now.getTime() / 1000)}`,
    });
    await recordAudit(tx, { actor, action: "issue.test_sent", entityType: "issue", entityId: issue.id, summary: "Provutskick till den egna adressen" });
  });
  return { to: actor.email };
}
