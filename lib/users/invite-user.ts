import { eq, sql } from "drizzle-orm";
import { users } from "@/db/schema";
import type { Db, DbOrTx } from "@/db/types";
import { recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { AppError, parseInput } from "@/lib/errors";
import { absoluteUrl } from "@/lib/feeds/urls";
import { enqueueMail } from "@/lib/mail/queue";
import { ROLE_LABELS, type Role } from "@/lib/permissions";
import { assertUserManager, siteName } from "./access";
import { slugForNewAccount } from "./author-slugs";
import { INVITE_MAIL_KIND, inviteMail } from "./mail";
import { inviteSchema, userIdSchema } from "./schema";
import { choosePasswordPath, issueAccountToken } from "./tokens";

export const EMAIL_TAKEN = "Det finns redan ett konto med den e-postadressen.";

/**
 * "Bjud in": an account without a password (it cannot log in yet) and a mail with a link, valid 72
 * hours, to "Välj lösenord". Account, link, mail and audit row commit together.
 */
export async function inviteUser(db: Db, actor: CurrentUser, input: unknown, now = new Date()): Promise<{ id: string }> {
  assertUserManager(actor);
  const { name, email, jobTitle, role } = parseInput(inviteSchema, input, { message: "Inbjudan skickades inte. Rätta fälten som är markerade." });
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(sql`lower(${users.email})`, email))
      .limit(1);
    if (existing) throw new AppError("CONFLICT", "Inbjudan skickades inte. Rätta fälten som är markerade.", { email: [EMAIL_TAKEN] });
    const slug = await slugForNewAccount(tx, name);
    const inserted = await tx
      .insert(users)
      .values({ email, name, jobTitle, role, passwordHash: null, slug, createdAt: now, updatedAt: now })
      .onConflictDoNothing()
      .returning({ id: users.id });
    // Two invitations of one address at once: the unique index lets one through.
    const user = inserted[0];
    if (!user) throw new AppError("CONFLICT", "Inbjudan skickades inte. Rätta fälten som är markerade.", { email: [EMAIL_TAKEN] });
    await sendInvite(tx, actor, { id: user.id, name, email, role }, now);
    await recordAudit(tx, {
      actor,
      action: "user.invited",
      entityType: "user",
      entityId: user.id,
      summary: `Bjöd in ${name} (${email}) som ${ROLE_LABELS[role].toLocaleLowerCase("sv-SE")}`,
      details: { email, role, jobTitle },
    });
    return { id: user.id };
  });
}

/** "Skicka inbjudan igen": a new link for someone who has not chosen a password; the old link stops working. */
export async function resendInvite(db: Db, actor: CurrentUser, input: unknown, now = new Date()): Promise<void> {
  assertUserManager(actor);
  const parsed = parseInput(userIdSchema, input, { message: "Ogiltig begäran. Ladda om sidan och försök igen." });
  await db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, parsed.id)).for("update");
    if (!user) throw new AppError("NOT_FOUND", "Användaren finns inte.");
    if (user.passwordHash !== null) throw new AppError("CONFLICT", `${user.name} har redan valt ett lösenord och behöver ingen ny inbjudan.`);
    if (!user.active) throw new AppError("CONFLICT", `${user.name} är inaktiverad. Aktivera kontot igen först.`);
    await sendInvite(tx, actor, user, now);
    await recordAudit(tx, { actor, action: "user.invite_resent", entityType: "user", entityId: user.id, summary: `Skickade en ny inbjudan till ${user.name}` });
  });
}

async function sendInvite(tx: DbOrTx, actor: CurrentUser, user: { id: string; name: string; email: string; role: Role }, now: Date) {
  const { token, expiresAt } = await issueAccountToken(tx, { userId: user.id, purpose: "invite", createdBy: actor.id, now });
  const mail = inviteMail({
    name: user.name,
    inviterName: actor.name,
    roleLabel: ROLE_LABELS[user.role],
    site: await siteName(tx),
    url: absoluteUrl(choosePasswordPath(token)),
    expiresAt,
  });
  await enqueueMail(tx, { to: user.email, kind: INVITE_MAIL_KIND, ...mail });
}
