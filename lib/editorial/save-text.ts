import type { JSONContent } from "@tiptap/core";
import { and, eq, isNull, ne } from "drizzle-orm";
import { contentItems, media, users } from "@/db/schema";
import type { Db, Tx } from "@/db/types";
import { recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { normalizeDescription } from "@/lib/content/description";
import { contentHash } from "@/lib/content/hash";
import { validateDocument } from "@/lib/content/validate";
import { AppError, parseInput } from "@/lib/errors";
import { canEdit } from "@/lib/permissions";
import { loadText } from "./load-text";
import { commitRevision } from "./revisions";
import { saveTextSchema, type SaveTextInput } from "./text-input";

/** The server's copy, sent to an editor whose save was based on an older version. */
export type ServerCopy = {
  version: number;
  title: string;
  lead: string;
  description: string | null;
  slug: string;
  tags: string[];
  coverMediaId: string | null;
  body: JSONContent;
  savedAt: string;
  savedBy: string;
};

export type SaveResult = { status: "saved"; version: number; revisionNumber: number; savedAt: string } | { status: "conflict"; current: ServerCopy };

async function slugTaken(tx: Tx, item: { id: string; publicationId: string; issueId: string | null }, slug: string) {
  const [row] = await tx
    .select({ id: contentItems.id })
    .from(contentItems)
    .where(
      and(
        eq(contentItems.publicationId, item.publicationId),
        item.issueId ? eq(contentItems.issueId, item.issueId) : isNull(contentItems.issueId),
        eq(contentItems.slug, slug),
        ne(contentItems.id, item.id),
      ),
    )
    .limit(1);
  return Boolean(row);
}

/**
 * Saves the editor's content as a new revision. A save based on an older version than the stored
 * one is not applied: the caller gets the server's copy to compare, so no one overwrites anyone.
 * Editing a published text only moves the current revision; the published one stays pinned.
 */
export async function saveText(db: Db, actor: CurrentUser, raw: SaveTextInput): Promise<SaveResult> {
  const input = parseInput(saveTextSchema, raw, { message: "Texten kunde inte sparas: kontrollera fälten." });
  const body = validateDocument(input.body);
  if (!body.ok) throw new AppError("INVALID_INPUT", body.message, { body: [body.message] });

  return db.transaction(async (tx) => {
    const { item, current, owned } = await loadText(tx, input.id, { forUpdate: true });
    if (!canEdit(actor, owned)) throw new AppError("FORBIDDEN", "Du får inte ändra den här texten.");

    if (item.version !== input.baseVersion) {
      const [author] = current.createdBy ? await tx.select({ name: users.name }).from(users).where(eq(users.id, current.createdBy)) : [];
      return {
        status: "conflict",
        current: {
          version: item.version,
          title: current.title,
          lead: current.lead,
          description: current.description,
          slug: item.slug,
          tags: current.tags,
          coverMediaId: current.coverMediaId,
          body: current.body,
          savedAt: item.updatedAt.toISOString(),
          savedBy: author?.name ?? "okänd",
        },
      } satisfies SaveResult;
    }
    if (input.slug !== item.slug && (await slugTaken(tx, item, input.slug))) {
      throw new AppError("INVALID_INPUT", "Adressen används redan av en annan text.", {
        slug: ["Adressen används redan av en annan text. Välj en annan."],
      });
    }

    if (input.coverMediaId && input.coverMediaId !== current.coverMediaId) {
      const [found] = await tx.select({ id: media.id }).from(media).where(eq(media.id, input.coverMediaId));
      if (!found) throw new AppError("INVALID_INPUT", "Omslagsbilden finns inte längre. Välj en annan.", { coverMediaId: ["Omslagsbilden finns inte."] });
    }
    const content = {
      title: input.title,
      lead: input.lead,
      description: input.description === undefined ? current.description : normalizeDescription(input.description),
      body: body.doc.toJSON() as JSONContent,
      coverMediaId: input.coverMediaId,
      tags: [...new Set(input.tags)],
      byline: current.byline,
    };
    const hash = contentHash(content);
    // Saving unchanged content (a second tab, a retried request) is not a new version.
    if (hash === current.contentHash && input.slug === item.slug) {
      return { status: "saved", version: item.version, revisionNumber: current.number, savedAt: item.updatedAt.toISOString() } satisfies SaveResult;
    }
    const { revision, version } = await commitRevision(tx, item.id, actor, content, { hash, slug: input.slug });
    if (item.publishedRevisionId && item.currentRevisionId === item.publishedRevisionId) {
      // Revisions record every save; the audit log records when a published text gets a new draft.
      await recordAudit(tx, {
        actor,
        action: "item.edited_after_publish",
        entityType: "item",
        entityId: item.id,
        summary: `Version ${revision.number} av "${content.title}" sparad`,
      });
    }
    return { status: "saved", version, revisionNumber: revision.number, savedAt: revision.createdAt.toISOString() } satisfies SaveResult;
  });
}
