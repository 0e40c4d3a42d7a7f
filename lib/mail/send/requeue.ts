import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { mailDeliveries, mailEditions } from "@/db/schema";
import type { Db } from "@/db/types";
import { recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { AppError, parseInput } from "@/lib/errors";
import { can } from "@/lib/permissions";

/**
 * "Skicka igen": the utgivare decides that the deliveries of unknown outcome (a worker died while
 * handing them over) are sent again, accepting that some recipients may get a second copy. Only
 * that person may, since it is a decision to publish again to those addresses; it is audit-logged.
 */
export async function resendUnknown(db: Db, actor: CurrentUser, rawEditionId: unknown, now = new Date()): Promise<{ requeued: number }> {
  if (!can(actor, "content.publish")) throw new AppError("FORBIDDEN", "Bara ansvarig utgivare kan skicka igen.");
  const parsed = parseInput(z.uuid(), rawEditionId, { message: "Ogiltigt utskick." });
  return db.transaction(async (tx) => {
    const [edition] = await tx.select().from(mailEditions).where(eq(mailEditions.id, parsed)).for("update");
    if (!edition) throw new AppError("NOT_FOUND", "Utskicket finns inte.");
    if (edition.cancelledAt) throw new AppError("INVALID_TRANSITION", "Utskicket är avbrutet eftersom texten avpublicerades.");
    const rows = await tx
      .update(mailDeliveries)
      .set({ status: "queued", nextAttemptAt: now, claimedAt: null, claimedBy: null, lastError: null })
      .where(and(eq(mailDeliveries.editionId, edition.id), eq(mailDeliveries.status, "unknown")))
      .returning({ id: mailDeliveries.id });
    if (rows.length > 0) {
      await recordAudit(tx, {
        actor,
        action: "edition.resent",
        entityType: edition.issueId ? "issue" : "item",
        entityId: (edition.issueId ?? edition.itemId)!,
        summary: `Skickade igen ${rows.length} utskick med okänt utfall av "${edition.subject}"`,
        details: { editionId: edition.id, deliveryIds: rows.map((row) => row.id) },
      });
    }
    return { requeued: rows.length };
  });
}
