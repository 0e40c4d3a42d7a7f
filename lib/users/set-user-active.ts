import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import type { Db } from "@/db/types";
import { recordAudit } from "@/lib/audit";
import { endSessions } from "@/lib/auth/sessions";
import type { CurrentUser } from "@/lib/auth/session";
import { AppError, parseInput } from "@/lib/errors";
import { assertUserManager } from "./access";
import { lastAdminProblem } from "./last-admin";
import { userIdSchema } from "./schema";
import { voidAccountTokens } from "./tokens";
import { loadUserForUpdate, lockAccounts } from "./update-user";

/**
 * "Inaktivera": log-in is refused from now on, and every session the person has ends at its next
 * request (endSessions). Unused invitation and reset links stop working too. Texts and bylines stay.
 */
export async function deactivateUser(db: Db, actor: CurrentUser, input: unknown, now = new Date()): Promise<void> {
  assertUserManager(actor);
  const { id } = parseInput(userIdSchema, input, { message: "Ogiltig begäran. Ladda om sidan och försök igen." });
  await db.transaction(async (tx) => {
    const accounts = await lockAccounts(tx);
    const user = await loadUserForUpdate(tx, id);
    if (!user.active) return;
    const problem = lastAdminProblem(accounts, id, { deactivate: true });
    if (problem) throw new AppError("CONFLICT", problem);
    await tx.update(users).set({ active: false, updatedAt: now }).where(eq(users.id, id));
    await endSessions(tx, id);
    await voidAccountTokens(tx, id);
    await recordAudit(tx, { actor, action: "user.deactivated", entityType: "user", entityId: id, summary: `Inaktiverade ${user.name}` });
  });
}

/** "Aktivera igen": the person may log in again with the password they had (an invited one needs a new invitation). */
export async function reactivateUser(db: Db, actor: CurrentUser, input: unknown, now = new Date()): Promise<void> {
  assertUserManager(actor);
  const { id } = parseInput(userIdSchema, input, { message: "Ogiltig begäran. Ladda om sidan och försök igen." });
  await db.transaction(async (tx) => {
    const user = await loadUserForUpdate(tx, id);
    if (user.active) return;
    await tx.update(users).set({ active: true, updatedAt: now }).where(eq(users.id, id));
    await recordAudit(tx, { actor, action: "user.reactivated", entityType: "user", entityId: id, summary: `Aktiverade ${user.name} igen` });
  });
}
