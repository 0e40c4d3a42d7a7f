import { auditLog } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { ROLE_LABELS, type Role } from "@/lib/permissions";

export type AuditActor = { id: string; name: string; role: Role } | "system";

export type AuditEntry = {
  actor: AuditActor;
  action: string;
  entityType: "user" | "item" | "issue" | "publication" | "event" | "settings" | "subscriber" | "media" | "system";
  entityId: string;
  summary?: string;
  details?: Record<string, unknown>;
};

export function actorLabel(actor: AuditActor): string {
  return actor === "system" ? "Systemet" : `${actor.name}, ${ROLE_LABELS[actor.role].toLowerCase()}`;
}

/** Appends to the audit log; call it inside the transaction of the change it records. */
export async function recordAudit(tx: DbOrTx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: entry.actor === "system" ? null : entry.actor.id,
    actorLabel: actorLabel(entry.actor),
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    summary: entry.summary ?? "",
    details: entry.details ?? {},
  });
}
