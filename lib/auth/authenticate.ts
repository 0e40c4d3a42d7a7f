import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import type { Db } from "@/db/types";
import type { Role } from "@/lib/permissions";
import { verifyPassword } from "./password";
import { forgetLoginAttempt, takeLoginAttempt } from "./rate-limit";

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(1024),
});

export type AuthenticatedUser = { id: string; name: string; email: string; role: Role; sessionVersion: number };
export type AuthenticateResult = { ok: true; user: AuthenticatedUser } | { ok: false; reason: "invalid" } | { ok: false; reason: "rate_limited"; retryAt: Date };

export function findUserByEmail(db: Db, email: string) {
  return db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()))
    .limit(1)
    .then((rows) => rows[0]);
}

/**
 * Checks e-mail and password. Unknown account, wrong password and inactive account all give the
 * same answer, and the limits apply whether or not the account exists. The attempt is counted
 * before the password is checked: parallel guesses cannot all slip in under the limit.
 */
export async function authenticate(db: Db, input: unknown, ip: string | null, now = new Date()): Promise<AuthenticateResult> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const attempt = await takeLoginAttempt(db, email, ip, now);
  if (!attempt.ok) return { ok: false, reason: "rate_limited", retryAt: attempt.retryAt };

  const user = await findUserByEmail(db, email);
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !passwordOk || !user.active) return { ok: false, reason: "invalid" };
  await forgetLoginAttempt(db, email, ip);
  return { ok: true, user: { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion } };
}
