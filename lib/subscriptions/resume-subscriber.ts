import { and, eq, isNotNull } from "drizzle-orm";
import { subscribers } from "@/db/schema";
import type { Db } from "@/db/types";
import { recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/permissions";

/**
 * "Återuppta utskick": an address paused after three permanent failures (a full or closed mailbox)
 * gets mail again, for instance when the person says the mailbox works now. Deliveries cancelled
 * while it was paused are not sent afterwards; the next issue is.
 */
export async function resumeSubscriber(db: Db, actor: CurrentUser, subscriberId: string): Promise<void> {
  if (!can(actor, "subscribers.manage")) throw new AppError("FORBIDDEN", "Du får inte hantera prenumeranter.");
  await db.transaction(async (tx) => {
    const resumed = await tx
      .update(subscribers)
      .set({ pausedAt: null, permanentFailures: 0 })
      .where(and(eq(subscribers.id, subscriberId), isNotNull(subscribers.pausedAt)))
      .returning({ id: subscribers.id });
    if (resumed.length === 0) throw new AppError("NOT_FOUND", "Adressen är inte pausad, eller finns inte längre.");
    await recordAudit(tx, {
      actor: { id: actor.id, name: actor.name, role: actor.role },
      action: "subscriber.resumed",
      entityType: "subscriber",
      entityId: subscriberId,
      summary: "Återupptog utskicken till en pausad adress",
    });
  });
}
