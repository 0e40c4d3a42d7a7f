import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import type { Db } from "@/db/types";
import type { Role } from "@/lib/permissions";
import { verifyPassword } from "./password";
import { clearLoginFailures, isLoginBlocked, recordLoginFailure } from "./rate-limit";

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(1024),
});

export type AuthenticatedUser = { id: string; name: string; email: string; role: Role };
export type AuthenticateResult = { ok: true; user: AuthenticatedUser } | { ok: false; reason: "invalid" | "rate_limited" };

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
 * same answer, and the rate limit applies whether or not the account exists.
 */
export async function authenticate(db: Db, input: unknown, ip: string | null): Promise<AuthenticateResult> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  if (await isLoginBlocked(db, email, ip)) return { ok: false, reason: "rate_limited" };

  const user = await findUserByEmail(db, email);
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !passwordOk || !user.active) {
    await recordLoginFailure(db, email, ip);
    return { ok: false, reason: "invalid" };
  }
  await clearLoginFailures(db, email);
  return { ok: true, user: { id: user.id, name: user.name, email: user.email, role: user.role } };
}
