import { eq } from "drizzle-orm";
import { mailDeliveries, subscriberSuppressions, subscribers } from "@/db/schema";
import type { Tx } from "@/db/types";
import { emailHash } from "./email";

/**
 * Deletes a person's data: the row goes, and with it (by cascade) their publications, consents and
 * confirmations. Deliveries keep their row for the edition's counts, without the subscriber, and
 * their last error is cleared first since an SMTP reply often quotes the address. What is left is the
 * address's SHA-256 as a suppression, so no import can put it back; only the person's own confirmed
 * request lifts it.
 */
export async function removeSubscriber(tx: Tx, subscriber: { id: string; email: string }, now: Date): Promise<void> {
  await tx.update(mailDeliveries).set({ lastError: null }).where(eq(mailDeliveries.subscriberId, subscriber.id));
  await tx.delete(subscribers).where(eq(subscribers.id, subscriber.id));
  await tx
    .insert(subscriberSuppressions)
    .values({ emailHash: emailHash(subscriber.email), createdAt: now })
    .onConflictDoNothing();
}
