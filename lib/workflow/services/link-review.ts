import { eq } from "drizzle-orm";
import { z } from "zod";
import { newsletterIssues } from "@/db/schema";
import type { Db } from "@/db/types";
import type { CurrentUser } from "@/lib/auth/session";
import { AppError, parseInput } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { checkApprovalToken, useApprovalToken } from "../approval-link";
import { transitionIssueInTx } from "./issue-workflow";
import { transitionItemInTx } from "./item-workflow";

export const linkReviewSchema = z.object({
  token: z.string().min(10).max(200),
  action: z.enum(["approve", "request_changes"]),
  comment: z.string().trim().max(5000).optional(),
});

/**
 * "Godkänn" or "Begär ändringar" from the review e-mail. The signed-in utgivare must be the one the
 * link was mailed to; it decides on exactly the mailed version (a newer one is refused), and the
 * token is spent in the same transaction as the decision, so it works once.
 */
export async function reviewViaLink(db: Db, actor: CurrentUser, raw: z.input<typeof linkReviewSchema>, now = new Date()) {
  const { token, action, comment } = parseInput(linkReviewSchema, raw, { message: "Ogiltig länk." });
  if (!can(actor, "content.approve")) throw new AppError("FORBIDDEN", "Bara ansvarig utgivare kan godkänna.");
  return db.transaction(async (tx) => {
    const check = await checkApprovalToken(tx, token, actor.id, now, true);
    if (!check.ok) throw new AppError("FORBIDDEN", check.message);
    const { row } = check;
    await useApprovalToken(tx, row.id, now);
    const changed = "Texten har ändrats sedan e-postmeddelandet skickades. Öppna den från Att granska och granska den nya versionen.";
    try {
      if (row.itemId && row.revisionId) {
        return { target: "item" as const, id: row.itemId, ...(await transitionItemInTx(tx, actor, { id: row.itemId, action, revisionId: row.revisionId, comment }, now)) };
      }
      if (row.issueId) {
        const [issue] = await tx.select({ id: newsletterIssues.id }).from(newsletterIssues).where(eq(newsletterIssues.id, row.issueId));
        if (!issue) throw new AppError("NOT_FOUND", "Numret finns inte längre.");
        return { target: "issue" as const, id: row.issueId, ...(await transitionIssueInTx(tx, actor, { id: row.issueId, action, contentHash: row.contentHash, comment }, now)) };
      }
    } catch (error) {
      if (error instanceof AppError && error.code === "CONFLICT") throw new AppError("CONFLICT", changed);
      throw error;
    }
    throw new AppError("NOT_FOUND", "Texten finns inte längre.");
  });
}
