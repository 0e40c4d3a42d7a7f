import { and, eq, notInArray } from "drizzle-orm";
import { subscriberPublications, subscribers } from "@/db/schema";
import type { Db } from "@/db/types";
import { listFollowed } from "@/db/queries/subscribers";
import { recordAudit } from "@/lib/audit";
import { removeSubscriber } from "./remove-subscriber";

export type UnsubscribeResult =
  /** Left everything (or was already gone: a second one-click POST answers the same). */
  { left: "all" } | { left: "some"; keptPublicationIds: string[] };

/**
 * The person's own departure, from the link in a message (page or RFC 8058 one-click). Keeping none
 * of the publications they follow deletes them entirely (see removeSubscriber); keeping some removes
 * only the others.
 */
export async function unsubscribe(db: Db, subscriberId: string, options: { keepPublicationIds?: readonly string[]; now?: Date } = {}): Promise<UnsubscribeResult> {
  const now = options.now ?? new Date();
  return db.transaction(async (tx): Promise<UnsubscribeResult> => {
    const [subscriber] = await tx.select().from(subscribers).where(eq(subscribers.id, subscriberId)).for("update");
    if (!subscriber) return { left: "all" };
    const followed = (await listFollowed(tx, subscriberId)).map((publication) => publication.id);
    const keep = followed.filter((id) => options.keepPublicationIds?.includes(id));
    const left = followed.filter((id) => !keep.includes(id));

    if (keep.length === 0) {
      await removeSubscriber(tx, subscriber, now);
      await recordAudit(tx, { actor: "system", action: "subscriber.left", entityType: "subscriber", entityId: subscriberId, details: { publicationIds: left } });
      return { left: "all" };
    }
    if (left.length > 0) {
      await tx.delete(subscriberPublications).where(and(eq(subscriberPublications.subscriberId, subscriberId), notInArray(subscriberPublications.publicationId, keep)));
      await recordAudit(tx, { actor: "system", action: "subscriber.left_some", entityType: "subscriber", entityId: subscriberId, details: { publicationIds: left } });
    }
    return { left: "some", keptPublicationIds: keep };
  });
}
