import { and, asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { reviewComments, users } from "@/db/schema";
import type { Db, DbOrTx, Tx } from "@/db/types";
import { recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { loadTextForViewer } from "@/lib/editorial/view-text";
import { AppError, parseInput } from "@/lib/errors";
import { can } from "@/lib/permissions";

/*
 * Review comments on a text. Who may read, add and resolve: whoever may edit the text, and the
 * ansvarig utgivare (who reviews every text without being its author); loadTextForViewer holds that rule.
 * Anchors are a hint, not a pointer: the passage is re-found by its quoted text near `from`
 * (see lib/review/anchor.ts), because the text keeps changing after the comment is written.
 */

export const MAX_COMMENT_LENGTH = 5000;
export const MAX_ANCHOR_LENGTH = 5000;

export const anchorSchema = z
  .object({
    from: z.number().int().min(0).max(100_000_000),
    to: z.number().int().min(0).max(100_000_000),
    text: z
      .string()
      .max(MAX_ANCHOR_LENGTH, "Det markerade avsnittet är för långt.")
      .refine((t) => t.trim() !== "", "Markera text att kommentera."),
  })
  .refine((a) => a.from < a.to, "Markera text att kommentera.");

export const addCommentSchema = z.object({
  itemId: z.uuid("Texten finns inte."),
  body: z.string("Skriv en kommentar.").trim().min(1, "Skriv en kommentar.").max(MAX_COMMENT_LENGTH, "Kommentaren får vara högst 5 000 tecken."),
  parentId: z.uuid("Kommentaren du svarar på finns inte.").nullish(),
  anchor: anchorSchema.nullish(),
});
export type AddCommentInput = z.input<typeof addCommentSchema>;

export const resolveCommentSchema = z.object({
  id: z.uuid("Kommentaren finns inte."),
  resolved: z.boolean("Ange om kommentaren är löst."),
  /** When given (the route's text id), the comment must belong to this text. */
  itemId: z.uuid().optional(),
});
export type ResolveCommentInput = z.input<typeof resolveCommentSchema>;

export type CommentAnchor = { from: number; to: number; text: string };
export type CommentView = { id: string; authorName: string | null; body: string; createdAt: string };
export type CommentThread = CommentView & {
  revisionId: string | null;
  anchor: CommentAnchor | null;
  resolved: boolean;
  resolvedByName: string | null;
  resolvedAt: string | null;
  replies: CommentView[];
};

const notFound = () => new AppError("NOT_FOUND", "Kommentaren finns inte.");

/** Every thread on a text, oldest first, each with its replies in order. */
export async function listComments(db: DbOrTx, actor: CurrentUser, itemId: string): Promise<CommentThread[]> {
  if (!z.uuid().safeParse(itemId).success) throw new AppError("NOT_FOUND", "Texten finns inte.");
  await loadTextForViewer(db, actor, itemId);
  const author = alias(users, "author");
  const resolver = alias(users, "resolver");
  const rows = await db
    .select({ comment: reviewComments, authorName: author.name, resolvedByName: resolver.name })
    .from(reviewComments)
    .leftJoin(author, eq(author.id, reviewComments.authorId))
    .leftJoin(resolver, eq(resolver.id, reviewComments.resolvedBy))
    .where(eq(reviewComments.itemId, itemId))
    .orderBy(asc(reviewComments.createdAt), asc(reviewComments.id));

  const threads = new Map<string, CommentThread>();
  for (const { comment: c, authorName, resolvedByName } of rows) {
    if (c.parentId) continue;
    threads.set(c.id, {
      id: c.id,
      authorName,
      body: c.body,
      createdAt: c.createdAt.toISOString(),
      revisionId: c.revisionId,
      anchor: c.anchorText !== null && c.anchorFrom !== null && c.anchorTo !== null ? { from: c.anchorFrom, to: c.anchorTo, text: c.anchorText } : null,
      resolved: c.resolved,
      resolvedByName: c.resolved ? resolvedByName : null,
      resolvedAt: c.resolvedAt?.toISOString() ?? null,
      replies: [],
    });
  }
  for (const { comment: c, authorName } of rows) {
    if (!c.parentId) continue;
    threads.get(c.parentId)?.replies.push({ id: c.id, authorName, body: c.body, createdAt: c.createdAt.toISOString() });
  }
  return [...threads.values()];
}

/**
 * Stores a comment inside the caller's transaction: the "Begär ändringar" action calls this so that
 * the state change and its required comment commit (or fail) together.
 */
export async function addCommentInTx(tx: Tx, actor: CurrentUser, raw: AddCommentInput): Promise<CommentView & { parentId: string | null }> {
  const input = parseInput(addCommentSchema, raw);
  if (!can(actor, "content.comment")) throw new AppError("FORBIDDEN", "Du får inte kommentera texter.");
  const { current } = await loadTextForViewer(tx, actor, input.itemId);
  let parentId: string | null = null;
  if (input.parentId) {
    if (input.anchor) throw new AppError("INVALID_INPUT", "Ett svar kan inte knytas till ett avsnitt.", { anchor: ["Ett svar kan inte knytas till ett avsnitt."] });
    const [parent] = await tx.select().from(reviewComments).where(eq(reviewComments.id, input.parentId)).limit(1);
    if (!parent || parent.itemId !== input.itemId) throw new AppError("NOT_FOUND", "Kommentaren du svarar på finns inte.");
    // Threads are one level deep: a reply to a reply joins the same thread.
    parentId = parent.parentId ?? parent.id;
  }
  const [row] = await tx
    .insert(reviewComments)
    .values({
      itemId: input.itemId,
      revisionId: current.id,
      parentId,
      authorId: actor.id,
      body: input.body,
      anchorFrom: input.anchor?.from ?? null,
      anchorTo: input.anchor?.to ?? null,
      anchorText: input.anchor?.text ?? null,
    })
    .returning();
  await recordAudit(tx, {
    actor,
    action: parentId ? "comment.replied" : "comment.added",
    entityType: "item",
    entityId: input.itemId,
    summary: parentId ? "Svarade på en kommentar" : "Kommenterade texten",
    details: { commentId: row!.id, ...(parentId ? { parentId } : {}), anchored: !!input.anchor },
  });
  return { id: row!.id, parentId, authorName: actor.name, body: row!.body, createdAt: row!.createdAt.toISOString() };
}

export async function addComment(db: Db, actor: CurrentUser, raw: AddCommentInput) {
  return db.transaction((tx) => addCommentInTx(tx, actor, raw));
}

/** Marks a thread as resolved, or reopens it. Only whole threads are resolved, never single replies. */
export async function resolveComment(db: Db, actor: CurrentUser, raw: ResolveCommentInput): Promise<{ id: string; resolved: boolean }> {
  const input = parseInput(resolveCommentSchema, raw);
  return db.transaction(async (tx) => {
    const [comment] = await tx.select().from(reviewComments).where(eq(reviewComments.id, input.id)).limit(1).for("update");
    if (!comment?.itemId || (input.itemId && comment.itemId !== input.itemId)) throw notFound();
    await loadTextForViewer(tx, actor, comment.itemId);
    if (comment.parentId) throw new AppError("INVALID_INPUT", "Bara en hel tråd kan markeras som löst.");
    if (comment.resolved === input.resolved) return { id: comment.id, resolved: comment.resolved };
    await tx
      .update(reviewComments)
      .set(input.resolved ? { resolved: true, resolvedBy: actor.id, resolvedAt: new Date() } : { resolved: false, resolvedBy: null, resolvedAt: null })
      .where(and(eq(reviewComments.id, comment.id), eq(reviewComments.resolved, comment.resolved)));
    await recordAudit(tx, {
      actor,
      action: input.resolved ? "comment.resolved" : "comment.reopened",
      entityType: "item",
      entityId: comment.itemId,
      summary: input.resolved ? "Markerade en kommentar som löst" : "Öppnade en kommentar igen",
      details: { commentId: comment.id },
    });
    return { id: comment.id, resolved: input.resolved };
  });
}
