import { eq } from "drizzle-orm";
import { approvalTokens } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { readSignedId, signId } from "@/lib/auth/signed-id";

/** How long the "Godkänn" link in a review e-mail works. */
export const APPROVAL_LINK_HOURS = 72;

const APPROVAL_LINK = "approval-link";

/**
 * A link token for one utgivare and exactly the mailed version. The id alone would be guessable by
 * no one, but the signature means a leaked database dump cannot be turned into working links.
 */
export async function createApprovalToken(
  tx: DbOrTx,
  target: { itemId?: string; issueId?: string; revisionId?: string; contentHash: string; userId: string },
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const expiresAt = new Date(now.getTime() + APPROVAL_LINK_HOURS * 3_600_000);
  const [row] = await tx
    .insert(approvalTokens)
    .values({
      itemId: target.itemId ?? null,
      issueId: target.issueId ?? null,
      revisionId: target.revisionId ?? null,
      contentHash: target.contentHash,
      userId: target.userId,
      expiresAt,
    })
    .returning({ id: approvalTokens.id });
  return { token: signId(APPROVAL_LINK, row!.id), expiresAt };
}

export type ApprovalTokenRow = typeof approvalTokens.$inferSelect;

export type TokenCheck = { ok: true; row: ApprovalTokenRow } | { ok: false; message: string };

/** Reads a token without using it: for showing the review page. Pass `forUpdate` inside the approving transaction. */
export async function checkApprovalToken(tx: DbOrTx, token: string, userId: string, now = new Date(), forUpdate = false): Promise<TokenCheck> {
  const invalid = { ok: false, message: "Länken är ogiltig. Öppna texten från Att granska i stället." } as const;
  const id = readSignedId(APPROVAL_LINK, token);
  if (!id) return invalid;
  const query = tx.select().from(approvalTokens).where(eq(approvalTokens.id, id)).limit(1);
  const [row] = forUpdate ? await query.for("update") : await query;
  if (!row) return invalid;
  if (row.userId !== userId) return { ok: false, message: "Länken skickades till en annan person. Logga in som mottagaren, eller öppna texten från Att granska." };
  if (row.usedAt) return { ok: false, message: "Länken har redan använts. Öppna texten från Att granska." };
  if (row.expiresAt <= now) return { ok: false, message: "Länken har gått ut. Öppna texten från Att granska." };
  return { ok: true, row };
}

export async function useApprovalToken(tx: DbOrTx, id: string, now = new Date()): Promise<void> {
  await tx.update(approvalTokens).set({ usedAt: now }).where(eq(approvalTokens.id, id));
}
