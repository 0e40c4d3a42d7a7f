import "server-only";
import { eq, or, sql } from "drizzle-orm";
import { contentItems, media, publications, revisions, siteSettings } from "@/db/schema";
import type { Db, DbOrTx } from "@/db/types";
import { recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { AppError, parseInput } from "@/lib/errors";
import { log } from "@/lib/log/log.mjs";
import { can } from "@/lib/permissions";
import type { WorkflowStatus } from "@/lib/workflow/labels";
import { mediaFieldsSchema } from "./upload-media";
import { getMediaStorage, type MediaStorage } from "./storage";

export type ImageUse =
  | { kind: "text"; id: string; title: string; status: WorkflowStatus; published: boolean; publicationName: string }
  | { kind: "logo" };

/** Does a revision show the image, as its cover or as a figure anywhere in its body? */
const revisionShows = (mediaId: string) =>
  or(
    eq(revisions.coverMediaId, mediaId),
    sql`jsonb_path_exists(${revisions.body}, '$.** ? (@.type == "figure" && @.attrs.mediaId == $id)', jsonb_build_object('id', ${mediaId}::text))`,
  );

/**
 * Where an image is in use: every text whose working version or published version shows it, and
 * the site's logo. Older versions in a text's history are not counted: restoring one that had the
 * image after it was deleted shows an empty frame, and the history says which image it was.
 */
export async function imageUses(db: DbOrTx, mediaId: string): Promise<ImageUse[]> {
  const texts = await db
    .selectDistinct({
      id: contentItems.id,
      title: sql<string>`(select r.title from revisions r where r.id = ${contentItems.currentRevisionId})`,
      status: contentItems.status,
      published: sql<boolean>`${contentItems.publishedRevisionId} is not null and ${contentItems.withdrawnAt} is null`,
      publicationName: publications.name,
    })
    .from(contentItems)
    .innerJoin(publications, eq(publications.id, contentItems.publicationId))
    .innerJoin(revisions, or(eq(revisions.id, contentItems.currentRevisionId), eq(revisions.id, contentItems.publishedRevisionId)))
    .where(revisionShows(mediaId));
  const [logo] = await db.select({ id: siteSettings.id }).from(siteSettings).where(eq(siteSettings.logoMediaId, mediaId));
  return [
    ...(logo ? [{ kind: "logo" as const }] : []),
    ...texts.sort((a, b) => a.title.localeCompare(b.title, "sv")).map((text) => ({ kind: "text" as const, ...text, title: text.title || "(utan rubrik)" })),
  ];
}

function refuseUnlessAllowed(actor: CurrentUser) {
  if (!can(actor, "media.manage")) throw new AppError("FORBIDDEN", "Du får inte ändra i bildbiblioteket.");
}

/**
 * The library's description of an image: what the editor fills in the next time someone picks it.
 * Texts that already show the image keep their own alt text and caption (they are part of the text,
 * approved with it), so a change here never alters a published text behind the utgivare's back.
 */
export async function describeImage(db: Db, actor: CurrentUser, mediaId: string, input: unknown) {
  refuseUnlessAllowed(actor);
  const parsed = parseInput(mediaFieldsSchema, input, { message: "Bilden sparades inte. Rätta fälten som är markerade." });
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(media).where(eq(media.id, mediaId)).for("update");
    if (!before) throw new AppError("NOT_FOUND", "Bilden finns inte längre. Någon kan ha tagit bort den.");
    await tx.update(media).set(parsed).where(eq(media.id, mediaId));
    await recordAudit(tx, {
      actor,
      action: "media.updated",
      entityType: "media",
      entityId: mediaId,
      summary: `Ändrade beskrivningen av bilden "${parsed.alt}"`,
      details: { from: { alt: before.alt, caption: before.caption, credit: before.credit }, to: parsed },
    });
    return parsed;
  });
}

/** "”Simhallen” och webbplatsens logotyp" */
export function describeUses(uses: readonly ImageUse[]): string {
  const names = uses.map((use) => (use.kind === "logo" ? "webbplatsens logotyp" : `”${use.title}”`));
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} och ${names.at(-1)}`;
}

/**
 * Deletes an image nothing uses, with every file made from it. An image still shown by a text (a
 * draft included: deleting it would leave a hole in someone's work) or used as the logo is refused,
 * naming where it is used.
 */
export async function deleteImage(db: Db, actor: CurrentUser, mediaId: string, storage: MediaStorage = getMediaStorage()) {
  refuseUnlessAllowed(actor);
  const removed = await db.transaction(async (tx) => {
    const [row] = await tx.select().from(media).where(eq(media.id, mediaId)).for("update");
    if (!row) throw new AppError("NOT_FOUND", "Bilden finns inte längre. Någon kan ha tagit bort den.");
    const uses = await imageUses(tx, mediaId);
    if (uses.length > 0) {
      throw new AppError("CONFLICT", `Bilden används och kan inte tas bort: ${describeUses(uses)}. Ta bort den ur ${uses.length === 1 ? "texten" : "texterna"} först.`);
    }
    await tx.delete(media).where(eq(media.id, mediaId));
    await recordAudit(tx, {
      actor,
      action: "media.deleted",
      entityType: "media",
      entityId: mediaId,
      summary: `Tog bort bilden "${row.alt}"`,
      details: { alt: row.alt, files: 1 + row.variants.length },
    });
    return row;
  });
  // After the commit: a file left behind is harmless, a row pointing at missing files is not.
  const keys = [removed.storageKey, ...removed.variants.map((variant) => variant.key)];
  const results = await Promise.allSettled(keys.map((key) => storage.delete(key)));
  const failed = results.filter((result) => result.status === "rejected").length;
  if (failed > 0) log.warn("media.delete_files_failed", { kind: "media", message: mediaId, counts: { failed } });
  return { alt: removed.alt, files: keys.length };
}
