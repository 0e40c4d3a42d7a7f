import { randomUUID } from "node:crypto";
import { z } from "zod";
import { media, type MediaVariant } from "@/db/schema";
import type { Db } from "@/db/types";
import { recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { creditName } from "@/lib/content/extensions/figure";
import { AppError, parseInput } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { processImage, type ProcessedImage } from "./process-image";
import { CONTENT_TYPES, mediaFileKey, ORIGINAL_EXTENSIONS } from "./sizes";
import { getMediaStorage, type MediaStorage } from "./storage";

export const ALT_MAX = 300;

/** The describing fields of an upload; route handlers validate form fields with this too. */
export const mediaFieldsSchema = z.object({
  alt: z
    .string("Skriv en alternativtext som beskriver bilden.")
    .trim()
    .min(1, "Skriv en alternativtext som beskriver bilden.")
    .max(ALT_MAX, `Alternativtexten får vara högst ${ALT_MAX} tecken.`),
  caption: z.string().trim().max(1000, "Bildtexten får vara högst 1 000 tecken.").default(""),
  // Stored as the name alone: every renderer adds "Foto: " itself.
  credit: z.string().trim().max(200, "Fotografen får vara högst 200 tecken.").default("").transform(creditName),
});

export type UploadMediaInput = z.input<typeof mediaFieldsSchema> & { bytes: Buffer };
export type UploadedMedia = { id: string; width: number; height: number; alt: string; caption: string; credit: string };

/**
 * Stores an uploaded image: checks and re-encodes it (process-image.ts), writes its files under
 * `<id>/…`, then records the media row and its audit row in one transaction. Files come first so
 * that a row never points at missing files; if the insert fails, the files are removed again.
 */
export async function uploadMedia(db: Db, actor: CurrentUser, input: UploadMediaInput, storage: MediaStorage = getMediaStorage()): Promise<UploadedMedia> {
  if (!can(actor, "media.upload")) throw new AppError("FORBIDDEN", "Du får inte ladda upp bilder.");
  const fields = parseInput(mediaFieldsSchema, { alt: input.alt, caption: input.caption, credit: input.credit });
  // CPU-heavy: done before any transaction is opened.
  const image = await processImage(input.bytes);
  return storeImage(db, actor, image, fields, { storage, audit: { action: "media.uploaded", summary: `Laddade upp bilden "${fields.alt}"` } });
}

type StoreOptions = {
  storage?: MediaStorage;
  /** Replaces the re-encoded original as the image's original file (a sanitised SVG logo). */
  original?: { file: string; bytes: Buffer; contentType: string };
  audit: { action: string; summary: string };
};

/**
 * Writes a processed image's files under `<id>/…`, then records the media row and its audit row in
 * one transaction. Files come first so that a row never points at missing files; if the insert
 * fails, the files are removed again. The caller has checked the actor's right.
 */
export async function storeImage(
  db: Db,
  actor: CurrentUser,
  image: ProcessedImage,
  fields: { alt: string; caption: string; credit: string },
  options: StoreOptions,
): Promise<UploadedMedia> {
  const storage = options.storage ?? getMediaStorage();
  const id = randomUUID();
  const original = options.original ?? { file: `original.${ORIGINAL_EXTENSIONS[image.mimeType]}`, bytes: image.original, contentType: image.mimeType };
  const files = [
    { key: mediaFileKey(id, original.file), bytes: original.bytes, contentType: original.contentType },
    ...image.variants.map((v) => ({ key: mediaFileKey(id, `${v.name}.${v.format}`), bytes: v.bytes, contentType: CONTENT_TYPES[v.format]! })),
  ];
  const variants: MediaVariant[] = image.variants.map((v) => ({
    width: v.width,
    height: v.height,
    format: v.format,
    key: mediaFileKey(id, `${v.name}.${v.format}`),
    bytes: v.bytes.length,
  }));

  try {
    // Wait for every write, failed or not, so that the clean-up below cannot race a late one.
    const written = await Promise.allSettled(files.map((file) => storage.put(file.key, file.bytes, file.contentType)));
    const failed = written.find((result): result is PromiseRejectedResult => result.status === "rejected");
    if (failed) throw failed.reason;
    await db.transaction(async (tx) => {
      await tx.insert(media).values({
        id,
        storageKey: files[0]!.key,
        mimeType: original.contentType,
        width: image.width,
        height: image.height,
        bytes: original.bytes.length,
        ...fields,
        variants,
        uploadedBy: actor.id,
      });
      await recordAudit(tx, {
        actor,
        action: options.audit.action,
        entityType: "media",
        entityId: id,
        summary: options.audit.summary,
        details: { width: image.width, height: image.height, bytes: original.bytes.length, mimeType: original.contentType },
      });
    });
  } catch (error) {
    // Best effort: a file left behind is harmless (unreferenced), a lost error is not.
    await Promise.allSettled(files.map((file) => storage.delete(file.key)));
    throw error;
  }
  return { id, width: image.width, height: image.height, ...fields };
}
