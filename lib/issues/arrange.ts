import { eq } from "drizzle-orm";
import { z } from "zod";
import { contentItems } from "@/db/schema";
import type { Db, Tx } from "@/db/types";
import { recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { findText } from "@/db/queries/editorial";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { finishIssueChange, issueArticles, lockIssueForChange, writePositions } from "./lock";
import { moveInOrder, readingOrder } from "./order";
import { PLACEMENT_LABELS } from "./types";

const baseSchema = z.object({ issueId: z.uuid(), itemId: z.uuid(), baseVersion: z.coerce.number().int().min(1) });
const moveSchema = baseSchema.extend({ direction: z.enum(["up", "down"]) });
const placementSchema = baseSchema.extend({ placement: z.enum(["column", "article"]) });

type Change<T> = { issueId: string; itemId: string; baseVersion: number } & T;

/** Loads, authorizes and locks: the issue (version checked, not published) and the article in it. */
async function begin(tx: Tx, actor: CurrentUser, input: { issueId: string; itemId: string; baseVersion: number }) {
  if (!can(actor, "issue.manage")) throw new AppError("FORBIDDEN", "Du får inte sätta ihop nummer.");
  const issue = await lockIssueForChange(tx, input.issueId, input.baseVersion);
  const found = await findText(tx, input.itemId, { forUpdate: true });
  if (!found) throw new AppError("NOT_FOUND", "Texten finns inte, eller så har den tagits bort.");
  if (!found.current) throw new AppError("INTERNAL", "Texten saknar en sparad version.");
  const text = { ...found, current: found.current };
  if (text.item.issueId !== issue.id) throw new AppError("NOT_FOUND", "Artikeln finns inte i det här numret.");
  return { issue, text, title: text.current.title || "(utan rubrik)" };
}

function parse<T extends z.ZodType>(schema: T, raw: unknown): z.output<T> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError("INVALID_INPUT", "Ogiltig begäran. Ladda om sidan och försök igen.");
  return parsed.data;
}

/** Moves an article one step in the reading order; the column stays first. */
export async function moveArticle(db: Db, actor: CurrentUser, raw: Change<{ direction: "up" | "down" }>): Promise<{ version: number }> {
  const input = parse(moveSchema, raw);
  return db.transaction(async (tx) => {
    const { issue, title } = await begin(tx, actor, input);
    const moved = moveInOrder(await issueArticles(tx, issue.id), input.itemId, input.direction);
    if (!moved) {
      throw new AppError("INVALID_TRANSITION", input.direction === "up" ? "Artikeln kan inte flyttas högre upp." : "Artikeln kan inte flyttas längre ned.");
    }
    await writePositions(tx, moved);
    await recordAudit(tx, {
      actor,
      action: "issue.articles_reordered",
      entityType: "issue",
      entityId: issue.id,
      summary: `Flyttade "${title}" ${input.direction === "up" ? "upp" : "ned"} i nummer ${issue.number} ${issue.year}`,
      details: { itemId: input.itemId, order: moved.map((m) => m.id) },
    });
    return { version: await finishIssueChange(tx, issue.id, actor, "artiklarnas ordning ändrades") };
  });
}

/**
 * Makes an article the issue's column (the chief's column, always first) or an ordinary article.
 * An issue has at most one column: making another one the column turns the old one into an article.
 */
export async function setPlacement(db: Db, actor: CurrentUser, raw: Change<{ placement: "column" | "article" }>): Promise<{ version: number }> {
  const input = parse(placementSchema, raw);
  return db.transaction(async (tx) => {
    const { issue, text, title } = await begin(tx, actor, input);
    if (text.item.placement === input.placement) return { version: issue.version };
    const articles = await issueArticles(tx, issue.id);
    const updated = articles.map((a) => {
      if (a.id === input.itemId) return { ...a, placement: input.placement };
      // A demoted column leads the articles (position -1 sorts it before them).
      return a.placement === "column" && input.placement === "column" ? { ...a, placement: "article" as const, position: -1 } : a;
    });
    for (const a of updated) {
      const before = articles.find((b) => b.id === a.id)!;
      if (a.placement !== before.placement) await tx.update(contentItems).set({ placement: a.placement }).where(eq(contentItems.id, a.id));
    }
    // The original positions are still the stored ones, so writePositions compares against them.
    const ordered = readingOrder(updated).map((a) => ({ id: a.id, position: articles.find((b) => b.id === a.id)!.position }));
    await writePositions(tx, ordered);
    await recordAudit(tx, {
      actor,
      action: "issue.placement_changed",
      entityType: "issue",
      entityId: issue.id,
      summary: `Gjorde "${title}" till ${PLACEMENT_LABELS[input.placement].toLowerCase()} i nummer ${issue.number} ${issue.year}`,
      details: { itemId: input.itemId, placement: input.placement },
    });
    return { version: await finishIssueChange(tx, issue.id, actor, "en artikels placering ändrades") };
  });
}
