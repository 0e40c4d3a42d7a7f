import type { Role } from "@/lib/permissions";

export const LAST_ADMIN_DEACTIVATE = "Det går inte att inaktivera den sista aktiva administratören. Gör först någon annan till administratör.";
export const LAST_ADMIN_ROLE = "Den sista aktiva administratören kan inte få en annan roll. Gör först någon annan till administratör.";

type Account = { id: string; role: Role; active: boolean };
type Change = { deactivate: true } | { role: Role };

/**
 * Someone must always be able to manage the accounts: a change that would leave no active
 * administrator is refused. Returns the Swedish reason, or null when the change may go ahead.
 * `accounts` is every account as the database has it now (read under lock by the caller).
 */
export function lastAdminProblem(accounts: readonly Account[], targetId: string, change: Change): string | null {
  const target = accounts.find((account) => account.id === targetId);
  if (!target || !target.active || target.role !== "admin") return null;
  if ("role" in change && change.role === "admin") return null;
  const others = accounts.filter((account) => account.id !== targetId && account.active && account.role === "admin");
  if (others.length > 0) return null;
  return "deactivate" in change ? LAST_ADMIN_DEACTIVATE : LAST_ADMIN_ROLE;
}
