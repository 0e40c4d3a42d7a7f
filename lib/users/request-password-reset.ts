import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import type { Db } from "@/db/types";
import { recordAudit } from "@/lib/audit";
import { addressKey } from "@/lib/auth/rate-limit";
import { absoluteUrl } from "@/lib/feeds/urls";
import { enqueueMail } from "@/lib/mail/queue";
import { takeRateLimit } from "@/lib/subscriptions/rate-limit";
import { sha256 } from "@/lib/subscriptions/tokens";
import { siteName } from "./access";
import { RESET_MAIL_KIND, resetMail } from "./mail";
import { choosePasswordPath, issueAccountToken } from "./tokens";

const HOUR = 60 * 60 * 1000;
/** Per address: a few links an hour is plenty for a person, and caps the mail a stranger can cause. */
export const RESET_PER_EMAIL = { limit: 3, windowMs: HOUR } as const;
/** Per client: offices share addresses, so generous, as for log-in. */
export const RESET_PER_IP = { limit: 30, windowMs: HOUR } as const;

/** The same answer for every address, account or not: the page never tells who has an account. */
export const RESET_SENT_MESSAGE =
  "Om adressen har ett konto har vi skickat en länk till den. Länken gäller i en timme. Hittar du inget mejl, titta i skräpposten eller fråga en administratör.";
export const RESET_RATE_LIMITED = "Du har bett om många länkar på kort tid. Vänta en stund och försök sedan igen.";

export type ResetRequestOutcome = { ok: true; sent: boolean } | { ok: false; reason: "invalid" | "rate_limited" };

const requestSchema = z.object({ email: z.string().trim().toLowerCase().max(254).pipe(z.email()) });

/**
 * "Glömt lösenordet?": a reset link (one hour) to an active account's address, nothing for an
 * unknown or inactive one; counted per address (its hash: the table keeps no addresses) and per client whatever the answer, so the limit
 * tells nothing either. A new link makes the older unused ones stop working.
 */
export async function requestPasswordReset(db: Db, input: unknown, ip: string | null, now = new Date()): Promise<ResetRequestOutcome> {
  const parsed = requestSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email } = parsed.data;
  return db.transaction(async (tx): Promise<ResetRequestOutcome> => {
    if (ip && !(await takeRateLimit(tx, { key: `reset-${addressKey(ip)}`, ...RESET_PER_IP }, now))) return { ok: false, reason: "rate_limited" };
    if (!(await takeRateLimit(tx, { key: `reset-email:${sha256(email)}`, ...RESET_PER_EMAIL }, now))) return { ok: false, reason: "rate_limited" };
    const [user] = await tx
      .select()
      .from(users)
      .where(eq(sql`lower(${users.email})`, email))
      .limit(1);
    if (!user || !user.active) return { ok: true, sent: false };
    const { token, expiresAt } = await issueAccountToken(tx, { userId: user.id, purpose: "reset", createdBy: null, now });
    const mail = resetMail({ site: await siteName(tx), url: absoluteUrl(choosePasswordPath(token)), expiresAt });
    await enqueueMail(tx, { to: user.email, kind: RESET_MAIL_KIND, ...mail });
    await recordAudit(tx, {
      actor: "system",
      action: "user.reset_requested",
      entityType: "user",
      entityId: user.id,
      summary: `Skickade en länk för nytt lösenord till ${user.name}`,
    });
    return { ok: true, sent: true };
  });
}
