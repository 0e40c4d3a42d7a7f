import { and, desc, eq, gt } from "drizzle-orm";
import { getSiteSettings } from "@/db/queries/settings";
import { listFollowablePublications, listFollowed } from "@/db/queries/subscribers";
import { subscriberSuppressions, subscribers, subscriptionConfirmations } from "@/db/schema";
import type { Db } from "@/db/types";
import { absoluteUrl } from "@/lib/feeds/urls";
import { enqueueMail } from "@/lib/mail/queue";
import { CONFIRM_MAIL_KIND, confirmationMail } from "./confirmation-mail";
import { CONFIRMATION_TTL_MS, CONSENT_VERSION, RESEND_AFTER_MS, type ConsentMethod } from "./consent";
import { checkEmail, emailHash } from "./email";
import type { SubscribeErrorCode } from "./messages";
import { emailRule, ipRule, takeRateLimit } from "./rate-limit";
import { newConfirmationToken } from "./tokens";

export type SubscriptionRequest = {
  email: string;
  /** The publications asked for; "newsletter": the newsletter(s), as the short forms ask. */
  publicationIds: readonly string[] | "newsletter";
  /**
   * "form": a resident's own request, limited per client address; it may lift their own suppression
   * (when confirmed). "import": staff moving a list over; no client limit, and a suppressed address
   * is skipped, never asked again.
   */
  method: ConsentMethod;
  ip?: string | null;
  now?: Date;
};

/**
 * What happened, for the import's counts and the tests. The public page shows the same thanks for
 * every `ok: true`, so a stranger learns nothing about whether an address subscribes.
 */
export type SubscriptionOutcome = "sent" | "pending" | "already_subscribed" | "suppressed";
export type SubscriptionResult = { ok: true; outcome: SubscriptionOutcome } | { ok: false; code: SubscribeErrorCode };

export const confirmPath = (token: string) => `/prenumerera/bekrafta/${token}`;

/**
 * Double opt-in: records a request and mails a link to confirm it. Nothing here subscribes anyone.
 *
 * Everything, the rate counters included, is one transaction: on the embedded database every
 * statement outside it would queue again behind every other request's, so a burst of 50 at once
 * (bench/subscribe.mjs) waited through five queues instead of one.
 */
export async function requestSubscription(db: Db, request: SubscriptionRequest): Promise<SubscriptionResult> {
  const now = request.now ?? new Date();
  return db.transaction(async (tx): Promise<SubscriptionResult> => {
    // Before anything else, so invalid and valid requests alike count against a client hammering the form.
    if (request.method === "form" && request.ip && !(await takeRateLimit(tx, ipRule(request.ip), now))) {
      return { ok: false, code: "rate_limited" };
    }
    const checked = checkEmail(request.email);
    if (!checked.ok) return { ok: false, code: checked.code };
    const email = checked.email;

    const followable = await listFollowablePublications(tx);
    const publicationIds = request.publicationIds === "newsletter" ? followable.filter((p) => p.kind === "newsletter").map((p) => p.id) : request.publicationIds;
    const wanted = followable.filter((publication) => publicationIds.includes(publication.id));
    if (wanted.length === 0 || wanted.length !== new Set(publicationIds).size) return { ok: false, code: "publication" };

    const hash = emailHash(email);
    if (!(await takeRateLimit(tx, emailRule(hash), now))) return { ok: false, code: "rate_limited" };

    const settings = await getSiteSettings(tx);
    if (request.method === "import") {
      const [suppressed] = await tx.select().from(subscriberSuppressions).where(eq(subscriberSuppressions.emailHash, hash));
      if (suppressed) return { ok: true, outcome: "suppressed" };
    }
    // Insert-or-find in one statement per step: two requests for a new address at once make one row.
    await tx.insert(subscribers).values({ email }).onConflictDoNothing({ target: subscribers.email });
    // Locking the person's row serialises their concurrent requests, so the resend rule holds.
    const [subscriber] = await tx.select().from(subscribers).where(eq(subscribers.email, email)).for("update");
    if (!subscriber) throw new Error("subscriber row vanished inside its transaction");

    const followed = await listFollowed(tx, subscriber.id);
    const missing = wanted.filter((publication) => !followed.some((row) => row.id === publication.id));
    if (missing.length === 0) return { ok: true, outcome: "already_subscribed" };

    const [recent] = await tx
      .select({ id: subscriptionConfirmations.id })
      .from(subscriptionConfirmations)
      .where(and(eq(subscriptionConfirmations.subscriberId, subscriber.id), gt(subscriptionConfirmations.createdAt, new Date(now.getTime() - RESEND_AFTER_MS))))
      .orderBy(desc(subscriptionConfirmations.createdAt))
      .limit(1);
    if (recent) return { ok: true, outcome: "pending" };

    const { token, hash: tokenHash } = newConfirmationToken();
    const expiresAt = new Date(now.getTime() + CONFIRMATION_TTL_MS);
    await tx.insert(subscriptionConfirmations).values({
      subscriberId: subscriber.id,
      tokenHash,
      publicationIds: missing.map((publication) => publication.id),
      consentVersion: CONSENT_VERSION,
      method: request.method,
      expiresAt,
      createdAt: now,
    });
    const mail = confirmationMail({
      municipalityName: settings?.municipalityName ?? "",
      publicationNames: missing.map((publication) => publication.name),
      confirmUrl: absoluteUrl(confirmPath(token)),
      expiresAt,
      method: request.method,
    });
    await enqueueMail(tx, { to: email, kind: CONFIRM_MAIL_KIND, ...mail });
    return { ok: true, outcome: "sent" };
  });
}
