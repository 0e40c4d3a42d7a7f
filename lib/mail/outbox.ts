import { count, desc, eq } from "drizzle-orm";
import { mailMessages } from "@/db/schema";
import type { Db } from "@/db/types";

export const OUTBOX_PAGE_SIZE = 50;

/** "?sida=2" → 2; anything missing or malformed is the first page. */
export function parsePage(raw: string | string[] | undefined): number {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value || !/^\d{1,6}$/.test(value)) return 1;
  return Math.max(1, Number(value));
}

/** One page of the outbox, newest first, without the bodies (the list does not show them). */
export async function listOutbox(db: Db, page: number) {
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: mailMessages.id,
        to: mailMessages.to,
        subject: mailMessages.subject,
        kind: mailMessages.kind,
        status: mailMessages.status,
        createdAt: mailMessages.createdAt,
      })
      .from(mailMessages)
      // The id breaks ties so that a page boundary never shows a message twice or skips one.
      .orderBy(desc(mailMessages.createdAt), desc(mailMessages.id))
      .limit(OUTBOX_PAGE_SIZE)
      .offset((page - 1) * OUTBOX_PAGE_SIZE),
    db.select({ n: count() }).from(mailMessages),
  ]);
  const totalCount = total?.n ?? 0;
  return { rows, total: totalCount, pageCount: Math.max(1, Math.ceil(totalCount / OUTBOX_PAGE_SIZE)) };
}

export async function getMailMessage(db: Db, id: string) {
  const [row] = await db.select().from(mailMessages).where(eq(mailMessages.id, id)).limit(1);
  return row ?? null;
}

export const HIDDEN_LINK = "[engångslänk – visas bara för mottagaren]";

/**
 * Approval links and subscriber confirm/unsubscribe links act for their recipient. The outbox is read
 * by all redaktörer and utgivare, so a link carrying a long token (an HMAC, a random token: 40+ URL-safe
 * characters; a UUID has 36 and is left alone) is hidden from anyone who is not the message's recipient.
 */
export function hideOneTimeLinks(text: string): string {
  // A link ends at white space or an angle bracket: text parts write links as "text <url>".
  return text.replace(/https?:\/\/[^\s<>]+/gi, (url) => (/[A-Za-z0-9_-]{40,}/.test(url) ? HIDDEN_LINK : url));
}

export function isRecipient(message: { to: string }, viewerEmail: string): boolean {
  return message.to.trim().toLowerCase() === viewerEmail.trim().toLowerCase();
}

/**
 * Invitations an administrator may read in full: they made the account and chose its role, so the
 * link gives them nothing they do not have, and they can pass it on when the mail does not arrive.
 * Reset links are never among them: one would let an admin act as, say, the utgivare.
 */
const READABLE_BY_USER_MANAGERS = new Set(["user.invite"]);

/** The body a viewer may read: the recipient sees everything, other staff see it without one-time links. */
export function bodyForViewer(message: { to: string; text: string; kind?: string }, viewerEmail: string, viewerManagesUsers = false): string {
  if (viewerManagesUsers && message.kind && READABLE_BY_USER_MANAGERS.has(message.kind)) return message.text;
  return isRecipient(message, viewerEmail) ? message.text : hideOneTimeLinks(message.text);
}
