import "server-only";
import { updateAccessibilityStatement } from "@/db/queries/settings";
import type { AccessibilityStatement } from "@/db/schema";
import type { Db } from "@/db/types";
import { recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { stockholmDate } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { accessibilityStatementSchema } from "./schema";

/**
 * Saves the accessibility statement: admins only, checked here whatever the page showed. The
 * "last updated" date the law asks for is the day of saving, never typed by hand.
 */
export async function saveAccessibilityStatement(db: Db, actor: CurrentUser, input: unknown, now = new Date()) {
  if (!can(actor, "settings.manage")) throw new AppError("FORBIDDEN", "Bara administratörer får ändra tillgänglighetsredogörelsen.");
  const parsed = accessibilityStatementSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "form");
      (fieldErrors[key] ??= []).push(issue.message);
    }
    throw new AppError("INVALID_INPUT", "Redogörelsen sparades inte. Rätta fälten som är markerade.", fieldErrors);
  }
  const today = stockholmDate(now);
  if (parsed.data.assessedOn > today) {
    throw new AppError("INVALID_INPUT", "Redogörelsen sparades inte. Rätta fälten som är markerade.", {
      assessedOn: ["Bedömningen kan inte vara gjord i framtiden."],
    });
  }
  const statement: AccessibilityStatement = { ...parsed.data, updatedOn: today };
  return db.transaction(async (tx) => {
    if (!(await updateAccessibilityStatement(tx, statement, now))) throw new AppError("NOT_FOUND", "Webbplatsens inställningar finns inte. Kontakta den som driftar systemet.");
    await recordAudit(tx, {
      actor,
      action: "settings.updated",
      entityType: "settings",
      entityId: "1",
      summary: "Uppdaterade tillgänglighetsredogörelsen",
      details: { part: "accessibility", conformance: statement.conformance, shortcomings: statement.shortcomings.length },
    });
    return statement;
  });
}
