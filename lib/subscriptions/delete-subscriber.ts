import { eq } from "drizzle-orm";
import { subscribers } from "@/db/schema";
import type { Db } from "@/db/types";
import { recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { removeSubscriber } from "./remove-subscriber";

/**
 * Erasure on request (GDPR art. 17), by staff. The same removal as leaving, suppression included: a
 * person who asks to be erased has also said no to further mail, and the hash is what keeps an old
 * list from bringing them back. The log records who erased someone, never whom.
 */
export async function deleteSubscriber(db: Db, actor: CurrentUser, subscriberId: string, now = new Date()): Promise<void> {
  if (!can(actor, "subscribers.manage")) throw new AppError("FORBIDDEN", "Du får inte hantera prenumeranter.");
  await db.transaction(async (tx) => {
    const [subscriber] = await tx.select().from(subscribers).where(eq(subscribers.id, subscriberId)).for("update");
    if (!subscriber) throw new AppError("NOT_FOUND", "Prenumeranten finns inte längre. Den kan redan vara raderad.");
    await removeSubscriber(tx, subscriber, now);
    await recordAudit(tx, {
      actor: { id: actor.id, name: actor.name, role: actor.role },
      action: "subscriber.deleted",
      entityType: "subscriber",
      entityId: subscriberId,
      summary: "Raderade en prenumerants uppgifter på begäran",
    });
  });
}
