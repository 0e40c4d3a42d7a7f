import { randomBytes } from "node:crypto";
import { auditLog, subscriberPublications, subscribers, subscriptionConfirmations, subscriptionConsents } from "@/db/schema";
import type { Tx } from "@/db/types";
import { actorLabel } from "@/lib/audit";
import { addDays } from "@/lib/dates";
import { CONFIRMATION_TTL_MS, CONSENT_VERSION } from "@/lib/subscriptions/consent";
import { sha256 } from "@/lib/subscriptions/tokens";

type DemoSubscriber = { email: string; follows: ("newsletter" | "blog")[]; method: "form" | "import"; daysAgo: number; confirmed: boolean };

/** Made-up residents (the .test domain never receives mail): three confirmed, one still pending. */
const DEMO_SUBSCRIBERS: DemoSubscriber[] = [
  { email: "anna.andersson@exempelby.test", follows: ["newsletter", "blog"], method: "form", daysAgo: 40, confirmed: true },
  { email: "bertil.berg@exempelby.test", follows: ["newsletter"], method: "import", daysAgo: 20, confirmed: true },
  { email: "cecilia.dahl@exempelby.test", follows: ["blog"], method: "form", daysAgo: 5, confirmed: true },
  { email: "david.ek@exempelby.test", follows: ["newsletter"], method: "form", daysAgo: 0, confirmed: false },
];

/**
 * Subscribers, so "Prenumeranter" has something to count and a demo publication shows the send in
 * the outbox. The pending one's token is thrown away: nobody can confirm it, and it expires.
 */
export async function seedDemoSubscribers(tx: Tx, now: Date, ids: { newsletter: string; blog: string }): Promise<void> {
  for (const demo of DEMO_SUBSCRIBERS) {
    const at = addDays(now, -demo.daysAgo);
    const publicationIds = demo.follows.map((kind) => ids[kind]);
    const [row] = await tx
      .insert(subscribers)
      .values({ email: demo.email, confirmedAt: demo.confirmed ? at : null, createdAt: at })
      .returning({ id: subscribers.id });
    const subscriberId = row!.id;
    if (demo.confirmed) {
      await tx.insert(subscriberPublications).values(publicationIds.map((publicationId) => ({ subscriberId, publicationId, createdAt: at })));
      await tx.insert(subscriptionConsents).values({ subscriberId, publicationIds, consentVersion: CONSENT_VERSION, method: demo.method, requestedAt: at, confirmedAt: at });
      // As confirmSubscription records it (never the address), back-dated so "Senaste ändringar" tells the demo's history.
      await tx.insert(auditLog).values({
        at,
        actorLabel: actorLabel("system"),
        action: "subscriber.confirmed",
        entityType: "subscriber",
        entityId: subscriberId,
        details: { publicationIds, method: demo.method, consentVersion: CONSENT_VERSION },
      });
    } else {
      await tx.insert(subscriptionConfirmations).values({
        subscriberId,
        tokenHash: sha256(randomBytes(32).toString("base64url")),
        publicationIds,
        consentVersion: CONSENT_VERSION,
        method: demo.method,
        expiresAt: new Date(at.getTime() + CONFIRMATION_TTL_MS),
        createdAt: at,
      });
    }
  }
}
