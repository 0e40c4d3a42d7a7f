import { eq, inArray } from "drizzle-orm";
import { publications, subscriberPublications, subscriberSuppressions, subscribers, subscriptionConfirmations, subscriptionConsents } from "@/db/schema";
import type { Db } from "@/db/types";
import { recordAudit } from "@/lib/audit";
import { emailHash } from "./email";
import { sha256 } from "./tokens";

export type ConfirmProblem = "unknown" | "used" | "expired";
export type ConfirmResult = { ok: true; publicationNames: string[] } | { ok: false; problem: ConfirmProblem };

/** Only the shape a token can have is looked up; anything else is simply unknown. */
export const CONFIRM_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Uses a confirmation: the only way anyone becomes a subscriber. Called from the POST of the page's
 * button, never from the GET of the mailed link. One transaction, holding the confirmation's row, so
 * a token works once however many times it is posted at once.
 */
export async function confirmSubscription(db: Db, token: string, now = new Date()): Promise<ConfirmResult> {
  if (!CONFIRM_TOKEN_PATTERN.test(token)) return { ok: false, problem: "unknown" };
  return db.transaction(async (tx): Promise<ConfirmResult> => {
    const [confirmation] = await tx
      .select()
      .from(subscriptionConfirmations)
      .where(eq(subscriptionConfirmations.tokenHash, sha256(token)))
      .for("update");
    if (!confirmation) return { ok: false, problem: "unknown" };
    if (confirmation.usedAt) return { ok: false, problem: "used" };
    if (confirmation.expiresAt.getTime() <= now.getTime()) return { ok: false, problem: "expired" };

    const [subscriber] = await tx.select().from(subscribers).where(eq(subscribers.id, confirmation.subscriberId)).for("update");
    if (!subscriber) return { ok: false, problem: "unknown" };
    // A publication removed since the request is left out rather than failing the whole confirmation.
    const existing = confirmation.publicationIds.length
      ? await tx.select({ id: publications.id, name: publications.name }).from(publications).where(inArray(publications.id, confirmation.publicationIds))
      : [];
    const ids = existing.map((publication) => publication.id);

    await tx.update(subscriptionConfirmations).set({ usedAt: now }).where(eq(subscriptionConfirmations.id, confirmation.id));
    if (ids.length > 0) {
      await tx
        .insert(subscriberPublications)
        .values(ids.map((publicationId) => ({ subscriberId: subscriber.id, publicationId, createdAt: now })))
        .onConflictDoNothing();
    }
    if (!subscriber.confirmedAt) await tx.update(subscribers).set({ confirmedAt: now }).where(eq(subscribers.id, subscriber.id));
    await tx.insert(subscriptionConsents).values({
      subscriberId: subscriber.id,
      publicationIds: ids,
      consentVersion: confirmation.consentVersion,
      method: confirmation.method,
      requestedAt: confirmation.createdAt,
      confirmedAt: now,
    });
    // The person's own confirmed double opt-in overrides their earlier "no": the only thing that may.
    await tx.delete(subscriberSuppressions).where(eq(subscriberSuppressions.emailHash, emailHash(subscriber.email)));
    await recordAudit(tx, {
      actor: "system",
      action: "subscriber.confirmed",
      entityType: "subscriber",
      entityId: subscriber.id,
      // Never the address: the log outlives the subscription.
      details: { publicationIds: ids, method: confirmation.method, consentVersion: confirmation.consentVersion },
    });
    return { ok: true, publicationNames: existing.map((publication) => publication.name) };
  });
}
