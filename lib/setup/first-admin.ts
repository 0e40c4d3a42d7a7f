import { and, eq, isNotNull, sql } from "drizzle-orm";
import { z } from "zod";
import { siteSettings, users } from "@/db/schema";
import type { Db } from "@/db/types";
import { recordAudit } from "@/lib/audit";
import { choosePasswordPath, issueAccountToken } from "@/lib/users/tokens";
import { slugForNewAccount } from "@/lib/users/author-slugs";

export type FirstAdminInput = { email: string | undefined; name: string; municipalityName: string };

export type FirstAdminOutcome = { kind: "not-needed" } | { kind: "no-email" } | { kind: "invited"; email: string; path: string; expiresAt: Date };

const emailSchema = z.email().transform((value) => value.trim().toLowerCase());

/**
 * A real municipality's first start, without the demo: the site needs its settings row and one
 * admin who can log in. While no active admin has chosen a password, every start (re)issues the
 * FIRST_ADMIN_EMAIL account's "Välj lösenord" link, printed to the server log: the person who runs
 * the server is the one who may hand it on. Once an admin has a password this does nothing, so the
 * variable can stay set.
 */
export async function ensureFirstAdmin(db: Db, input: FirstAdminInput, now = new Date()): Promise<FirstAdminOutcome> {
  return db.transaction(async (tx) => {
    // The settings row is what every public page reads; without it they show "Kommunbladet".
    await tx.insert(siteSettings).values({ id: 1, municipalityName: input.municipalityName }).onConflictDoNothing();
    const [ready] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, "admin"), eq(users.active, true), isNotNull(users.passwordHash)))
      .limit(1);
    if (ready) return { kind: "not-needed" };
    const email = emailSchema.safeParse(input.email ?? "");
    if (!email.success) return { kind: "no-email" };
    // The advisory lock makes two instances starting at once agree on one account.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('first-admin'))`);
    let [account] = await tx
      .select()
      .from(users)
      .where(eq(sql`lower(${users.email})`, email.data))
      .limit(1);
    if (!account) {
      [account] = await tx
        .insert(users)
        .values({ email: email.data, name: input.name, role: "admin", passwordHash: null, slug: await slugForNewAccount(tx, input.name), createdAt: now, updatedAt: now })
        .returning();
      await recordAudit(tx, {
        actor: "system",
        action: "user.invited",
        entityType: "user",
        entityId: account!.id,
        summary: `Skapade den första administratören ${input.name} (${email.data})`,
      });
    } else if (account.role !== "admin" || !account.active) {
      // The one who runs the server named this address as the admin: that decides, as on a first day.
      await tx.update(users).set({ role: "admin", active: true, updatedAt: now }).where(eq(users.id, account.id));
      await recordAudit(tx, {
        actor: "system",
        action: "user.role_changed",
        entityType: "user",
        entityId: account.id,
        summary: `Gjorde ${account.name} till administratör (FIRST_ADMIN_EMAIL)`,
      });
    }
    const { token, expiresAt } = await issueAccountToken(tx, { userId: account!.id, purpose: account!.passwordHash ? "reset" : "invite", createdBy: null, now });
    return { kind: "invited", email: email.data, path: choosePasswordPath(token), expiresAt };
  });
}
