import { eq } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import type { Db } from "@/db/types";
import { recordAudit } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/password";
import { MAX_NEW_PASSWORD_LENGTH, passwordProblem } from "@/lib/auth/password-policy";
import { endSessions } from "@/lib/auth/sessions";
import { AppError, parseInput } from "@/lib/errors";
import { consumeAccountToken, lookUpAccountToken, voidAccountTokens, type TokenPurpose } from "./tokens";

export const LINK_NOT_VALID = "Länken gäller inte längre. Den kan ha använts redan eller ha gått ut.";
export const PASSWORDS_DIFFER = "Lösenorden är inte likadana. Skriv samma lösenord i båda fälten.";

const chooseSchema = z.object({
  token: z.string().max(100),
  password: z.string().max(MAX_NEW_PASSWORD_LENGTH * 4),
  repeat: z.string().max(MAX_NEW_PASSWORD_LENGTH * 4),
});

/**
 * "Välj lösenord" from an invitation or a reset link. The link is used up in the same transaction as
 * the new password is stored, so it works once; every session the person had ends (a stolen cookie
 * does not outlive a reset), and their other unused links stop working.
 */
export async function choosePassword(db: Db, input: unknown, now = new Date()): Promise<{ purpose: TokenPurpose; email: string }> {
  const { token, password, repeat } = parseInput(chooseSchema, input, { message: "Lösenordet sparades inte. Kontrollera fälten." });
  const found = await lookUpAccountToken(db, token, now);
  if (found.status !== "valid") throw new AppError("NOT_FOUND", LINK_NOT_VALID);
  const problem = passwordProblem(password, [found.user.name, found.user.email]);
  if (problem) throw new AppError("INVALID_INPUT", problem, { password: [problem] });
  if (password !== repeat) throw new AppError("INVALID_INPUT", PASSWORDS_DIFFER, { repeat: [PASSWORDS_DIFFER] });
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const used = await consumeAccountToken(tx, token, now);
    if (!used) throw new AppError("NOT_FOUND", LINK_NOT_VALID);
    const [user] = await tx.select().from(users).where(eq(users.id, used.userId)).for("update");
    if (!user || !user.active) throw new AppError("NOT_FOUND", LINK_NOT_VALID);
    await tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, user.id));
    await endSessions(tx, user.id);
    await voidAccountTokens(tx, user.id);
    await recordAudit(tx, {
      actor: { id: user.id, name: user.name, role: user.role },
      action: used.purpose === "invite" ? "user.password_chosen" : "user.password_reset",
      entityType: "user",
      entityId: user.id,
      summary: used.purpose === "invite" ? `${user.name} valde lösenord och tog emot inbjudan` : `${user.name} valde ett nytt lösenord`,
    });
    return { purpose: used.purpose, email: user.email };
  });
}
