import { eq } from "drizzle-orm";
import { mailEditions, type mailMessages } from "@/db/schema";
import type { Db } from "@/db/types";
import { personalize } from "@/lib/mail/edition/placeholder";
import { HIDDEN_LINK, hideOneTimeLinks, isRecipient } from "@/lib/mail/outbox";

type Message = Pick<typeof mailMessages.$inferSelect, "to" | "editionId" | "headers">;

/** The https:// address in a List-Unsubscribe header ("<https://…>, <mailto:…>"). */
export function unsubscribeUrlFromHeaders(headers: Record<string, string> | null): string | null {
  const value = headers?.["List-Unsubscribe"];
  return value ? (/<(https?:\/\/[^>]+)>/.exec(value)?.[1] ?? null) : null;
}

/**
 * A newsletter message in the outbox as its recipient got it: the edition's text and HTML with the
 * message's own unsubscribe link, which is taken from its stored headers. That link acts for the
 * recipient (one click unsubscribes), so other staff see it hidden, in the body and the headers.
 */
export async function editionMessageForViewer(db: Db, message: Message, viewerEmail: string) {
  if (!message.editionId) return null;
  const [edition] = await db.select().from(mailEditions).where(eq(mailEditions.id, message.editionId));
  if (!edition) return null;
  const url = unsubscribeUrlFromHeaders(message.headers);
  const own = url ? personalize({ subject: edition.subject, preheader: "", html: edition.html, text: edition.text }, url) : edition;
  if (isRecipient(message, viewerEmail) || !url) return { text: own.text, html: own.html, headers: message.headers ?? {}, hidden: false };
  // The https link goes the way of every one-time link in the outbox; the mailto carries the same token.
  const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, hideOneTimeLinks(v).replace(/<mailto:[^>]*>/, `<mailto:${HIDDEN_LINK}>`)]));
  return { text: hideOneTimeLinks(own.text), html: own.html.split(url.replaceAll("&", "&amp;")).join("#").split(url).join("#"), headers, hidden: true };
}
