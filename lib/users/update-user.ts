import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import type { Db, Tx } from "@/db/types";
import { recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { AppError, parseInput } from "@/lib/errors";
import { ROLE_LABELS } from "@/lib/permissions";
import { assertUserManager } from "./access";
import { moveAuthorSlug } from "./author-slugs";
import { lastAdminProblem } from "./last-admin";
import { updateUserSchema } from "./schema";

/**
 * Every account, locked: the last-admin rule reads all admins, and two admins demoting each other at
 * once must not both succeed.
 */
export async function lockAccounts(tx: Tx) {
  return tx.select({ id: users.id, role: users.role, active: users.active }).from(users).for("update");
}

export async function loadUserForUpdate(tx: Tx, id: string) {
  const [user] = await tx.select().from(users).where(eq(users.id, id));
  if (!user) throw new AppError("NOT_FOUND", "Användaren finns inte.");
  return user;
}

/**
 * Name, job title and role. A new name gives the author page a new address, the old one redirecting;
 * the role change is recorded as its own audit row, as the design asks of every role change.
 */
export async function updateUser(db: Db, actor: CurrentUser, input: unknown, now = new Date()): Promise<{ slugMoved: boolean }> {
  assertUserManager(actor);
  const { id, name, jobTitle, role } = parseInput(updateUserSchema, input, { message: "Ändringarna sparades inte. Rätta fälten som är markerade." });
  return db.transaction(async (tx) => {
    const accounts = await lockAccounts(tx);
    const user = await loadUserForUpdate(tx, id);
    const problem = role !== user.role ? lastAdminProblem(accounts, id, { role }) : null;
    if (problem) throw new AppError("CONFLICT", problem, { role: [problem] });

    const changed = name !== user.name || jobTitle !== user.jobTitle || role !== user.role;
    if (!changed) return { slugMoved: false };
    const slug = name !== user.name ? await moveAuthorSlug(tx, user, name, now) : user.slug;
    await tx.update(users).set({ name, jobTitle, role, updatedAt: now }).where(eq(users.id, id));
    if (role !== user.role) {
      await recordAudit(tx, {
        actor,
        action: "user.role_changed",
        entityType: "user",
        entityId: id,
        summary: `Ändrade rollen för ${name} från ${ROLE_LABELS[user.role].toLocaleLowerCase("sv-SE")} till ${ROLE_LABELS[role].toLocaleLowerCase("sv-SE")}`,
        details: { from: user.role, to: role },
      });
    }
    if (name !== user.name || jobTitle !== user.jobTitle) {
      await recordAudit(tx, {
        actor,
        action: "user.updated",
        entityType: "user",
        entityId: id,
        summary: name !== user.name ? `Ändrade namnet ${user.name} till ${name}` : `Ändrade titeln för ${name}`,
        details: { name: { from: user.name, to: name }, jobTitle: { from: user.jobTitle, to: jobTitle }, slug: { from: user.slug, to: slug } },
      });
    }
    return { slugMoved: slug !== user.slug };
  });
}
