import { and, count, eq, isNull, ne } from "drizzle-orm";
import { z } from "zod";
import { contentItems, publications } from "@/db/schema";
import type { Db, Tx } from "@/db/types";
import { recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { uniqueSlug } from "@/lib/content/slug";
import { AppError, parseInput } from "@/lib/errors";
import { finishIssueChange, issueArticles, lockIssueForChange, writePositions } from "@/lib/issues/lock";
import { canEdit } from "@/lib/permissions";
import { refuseArchived } from "@/lib/publications/archived";
import { CLEARED_APPROVAL } from "@/lib/workflow/void-approval";
import { mayChangeIssueContents } from "../editorial/placement";
import { loadText } from "../editorial/load-text";

export const placeTextSchema = z.object({
  id: z.uuid(),
  /**
   * Where the text goes: an issue; a publication without an issue (a blog, or a newsletter for an
   * unplaced article); or "out" of its issue, staying in its newsletter.
   */
  to: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("issue"), issueId: z.uuid("Välj ett nummer.") }),
    z.object({ kind: z.literal("publication"), publicationId: z.uuid("Välj var texten ska ligga.") }),
    z.object({ kind: z.literal("out") }),
  ]),
  /**
   * The issue page the request came from and the version it showed: a stale page is refused. Null
   * when moved from the text's own page, where no issue was on screen.
   */
  seen: z
    .object({ issueId: z.uuid(), version: z.number().int().min(1) })
    .nullable()
    .default(null),
});
export type PlaceTextInput = z.input<typeof placeTextSchema>;

export type Placement = { publicationId: string; issueId: string | null };

/** A text that readers have seen stays where they saw it: only never-published texts move. */
export function isMovable(item: { publishedAt: Date | null; publishedRevisionId: string | null }): boolean {
  return !item.publishedAt && !item.publishedRevisionId;
}

/**
 * The text's status once it leaves the place it was reviewed in: a review or an approval was of the
 * text where it stood, so it is a draft again for its writer. A request for changes still stands.
 */
export function statusAfterMove<S extends string>(status: S): S | "draft" {
  return status === "changes_requested" ? status : "draft";
}

const placeName = (pub: { name: string }, issue: { number: number; year: number } | null | undefined) => (issue ? `nummer ${issue.number} ${issue.year} av ${pub.name}` : pub.name);

async function lockIssue(tx: Tx, issueId: string, seen: { issueId: string; version: number } | null) {
  return lockIssueForChange(tx, issueId, seen?.issueId === issueId ? seen.version : null);
}

/**
 * Moves a never-published text: out of its issue (an unplaced article), into another issue, or to
 * another blog or newsletter. The text and its words stay as they are; an issue it leaves or joins
 * changes its contents under the same rule as a new article there (mayChangeIssueContents), and
 * any approval of either issue is voided by finishIssueChange.
 */
export async function placeText(db: Db, actor: CurrentUser, raw: PlaceTextInput): Promise<Placement> {
  const input = parseInput(placeTextSchema, raw, { message: "Ogiltig begäran. Ladda om sidan och försök igen." });

  return db.transaction(async (tx) => {
    // Issues are locked before the text, in id order, as every issue change does: no deadlock with them.
    const glance = await loadText(tx, input.id);
    const toIssueId = input.to.kind === "issue" ? input.to.issueId : null;
    const issueIds = [...new Set([glance.item.issueId, toIssueId].filter((id): id is string => Boolean(id)))].sort();
    const locked = new Map<string, Awaited<ReturnType<typeof lockIssue>>>();
    for (const issueId of issueIds) locked.set(issueId, await lockIssue(tx, issueId, input.seen));
    const { item, current, owned } = await loadText(tx, input.id, { forUpdate: true });
    if (item.issueId !== glance.item.issueId) throw new AppError("CONFLICT", "Texten flyttades nyss av någon annan. Ladda om sidan.");
    if (!canEdit(actor, owned)) throw new AppError("FORBIDDEN", "Du får inte flytta den här texten.");
    if (!isMovable(item)) {
      throw new AppError("INVALID_TRANSITION", "En text som har publicerats stannar där läsarna har sett den. Avpublicera den i stället.");
    }
    const to = toIssueId ? locked.get(toIssueId)! : null;
    const targetId = to ? to.publicationId : input.to.kind === "publication" ? input.to.publicationId : item.publicationId;
    if (targetId === item.publicationId && (to?.id ?? null) === item.issueId) return { publicationId: item.publicationId, issueId: item.issueId };
    const [target] = await tx.select().from(publications).where(eq(publications.id, targetId));
    if (!target) throw new AppError("INVALID_INPUT", "Publiceringen finns inte.");
    // Within an archived publication a text may still change issue; into one, nothing new comes.
    if (target.id !== item.publicationId) refuseArchived(target);
    const from = item.issueId ? locked.get(item.issueId)! : null;
    for (const [issue, change] of [
      [from, "remove"],
      [to, "add"],
    ] as const) {
      if (!issue) continue;
      const verdict = mayChangeIssueContents(actor, issue.status, change);
      if (!verdict.ok) throw new AppError(verdict.code, verdict.message);
    }

    // The address must be free where the text goes (unique per publication and issue).
    const siblings = await tx
      .select({ slug: contentItems.slug })
      .from(contentItems)
      .where(and(eq(contentItems.publicationId, target.id), to ? eq(contentItems.issueId, to.id) : isNull(contentItems.issueId), ne(contentItems.id, item.id)));
    const taken = new Set(siblings.map((s) => s.slug));
    const [last] = to ? await tx.select({ n: count() }).from(contentItems).where(eq(contentItems.issueId, to.id)) : [];
    const position = last?.n ?? 0;
    const status = statusAfterMove(item.status);
    await tx
      .update(contentItems)
      .set({
        kind: target.kind === "newsletter" ? "article" : "post",
        publicationId: target.id,
        issueId: to?.id ?? null,
        // A column belongs to the issue it opened; elsewhere the text starts as an ordinary article, last.
        placement: "article",
        position,
        slug: uniqueSlug(item.slug, taken),
        status,
        ...(status === item.status ? {} : { ...CLEARED_APPROVAL, submittedAt: null, submittedBy: null }),
        updatedAt: new Date(),
      })
      .where(eq(contentItems.id, item.id));

    const title = current.title || "(utan rubrik)";
    const [source] = await tx.select().from(publications).where(eq(publications.id, item.publicationId));
    const summary = to
      ? `Flyttade "${title}" från ${placeName(source!, from)} till ${placeName(target, to)}`
      : from && target.id === item.publicationId
        ? `Tog "${title}" ur ${placeName(source!, from)}; texten finns kvar utan nummer`
        : `Flyttade "${title}" från ${placeName(source!, from)} till ${placeName(target, null)}`;
    await recordAudit(tx, {
      actor,
      action: "item.moved",
      entityType: "item",
      entityId: item.id,
      summary,
      details: { from: { publicationId: item.publicationId, issueId: item.issueId }, to: { publicationId: target.id, issueId: to?.id ?? null } },
    });
    if (from) {
      await writePositions(tx, await issueArticles(tx, from.id));
      await recordAudit(tx, { actor, action: "issue.article_taken_out", entityType: "issue", entityId: from.id, summary, details: { itemId: item.id } });
      await finishIssueChange(tx, from.id, actor, `artikeln "${title}" togs ur numret`);
    }
    if (to) {
      await recordAudit(tx, { actor, action: "issue.article_added", entityType: "issue", entityId: to.id, summary, details: { itemId: item.id } });
      await finishIssueChange(tx, to.id, actor, `artikeln "${title}" lades till`);
    }
    return { publicationId: target.id, issueId: to?.id ?? null };
  });
}
