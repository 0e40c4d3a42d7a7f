import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import { accountTokens, users } from "@/db/schema";
import type { DbOrTx } from "@/db/types";

export type TokenPurpose = "invite" | "reset";

export const INVITE_TTL_MS = 72 * 60 * 60 * 1000;
export const RESET_TTL_MS = 60 * 60 * 1000;
const TTL: Record<TokenPurpose, number> = { invite: INVITE_TTL_MS, reset: RESET_TTL_MS };

/** The page a link opens: "Välj lösenord" for both purposes. */
export const choosePasswordPath = (token: string) => `/logga-in/valj-losenord/${token}`;

export function hashAccountToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * A new one-time link for `userId`: 32 random bytes in the link, only their SHA-256 stored. Older
 * unused links of the same purpose stop working, so only the newest mail's link is valid.
 */
export async function issueAccountToken(
  tx: DbOrTx,
  input: { userId: string; purpose: TokenPurpose; createdBy: string | null; now: Date },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(input.now.getTime() + TTL[input.purpose]);
  await tx.delete(accountTokens).where(and(eq(accountTokens.userId, input.userId), eq(accountTokens.purpose, input.purpose), isNull(accountTokens.usedAt)));
  await tx.insert(accountTokens).values({
    tokenHash: hashAccountToken(token),
    userId: input.userId,
    purpose: input.purpose,
    expiresAt,
    createdBy: input.createdBy,
    createdAt: input.now,
  });
  return { token, expiresAt };
}

export type TokenLookup =
  { status: "valid"; purpose: TokenPurpose; user: typeof users.$inferSelect; expiresAt: Date } | { status: "expired" | "used"; purpose: TokenPurpose } | { status: "unknown" };

/** What a link is now, without using it up (the page shows the form only for a valid one). */
export async function lookUpAccountToken(db: DbOrTx, token: string, now = new Date()): Promise<TokenLookup> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return { status: "unknown" };
  const [row] = await db
    .select({ token: accountTokens, user: users })
    .from(accountTokens)
    .innerJoin(users, eq(users.id, accountTokens.userId))
    .where(eq(accountTokens.tokenHash, hashAccountToken(token)))
    .limit(1);
  if (!row) return { status: "unknown" };
  const { purpose } = row.token;
  if (row.token.usedAt) return { status: "used", purpose };
  // A deactivated person's links are deleted; should one remain, it still opens nothing.
  if (row.token.expiresAt <= now || !row.user.active) return { status: "expired", purpose };
  return { status: "valid", purpose, user: row.user, expiresAt: row.token.expiresAt };
}

/**
 * Uses the link up: one statement, so of two requests with the same link only one gets the row.
 * Null when it was used, expired or never existed in the meantime.
 */
export async function consumeAccountToken(tx: DbOrTx, token: string, now: Date) {
  const [row] = await tx
    .update(accountTokens)
    .set({ usedAt: now })
    .where(and(eq(accountTokens.tokenHash, hashAccountToken(token)), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, now)))
    .returning();
  return row ?? null;
}

/** Every unused link of a person (deactivation, a password just chosen). */
export async function voidAccountTokens(tx: DbOrTx, userId: string): Promise<void> {
  await tx.delete(accountTokens).where(and(eq(accountTokens.userId, userId), isNull(accountTokens.usedAt)));
}
