import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, contentItems, media, revisions, siteSettings } from "@/db/schema";
import { seededDemo } from "@/db/testing/actors";
import { createTestDb, type TestDb } from "@/db/testing";
import type { CurrentUser } from "@/lib/auth/session";
import { doc, figure, p } from "@/lib/content/build";
import { createText } from "@/lib/editorial/create-text";
import { AppError } from "@/lib/errors";
import { deleteImage, describeImage, describeUses, imageUses } from "./library";
import { LocalDiskStorage } from "./storage";
import { uploadMedia } from "./upload-media";

let t: TestDb;
let storage: LocalDiskStorage;
let demo: Awaited<ReturnType<typeof seededDemo>>;
let photo: Buffer;

const files = () =>
  fs.existsSync(storage.root) ? fs.readdirSync(storage.root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)) : [];

async function upload(actor: CurrentUser, alt: string) {
  return uploadMedia(t.db, actor, { bytes: photo, alt }, storage);
}

/** Puts the image into a new text's working version, as the editor's autosave would. */
async function textShowing(mediaId: string, title: string, as: "body" | "cover" = "body") {
  const { id } = await createText(t.db, demo.skribent, { publicationId: demo.blogId, title });
  const [item] = await t.db.select().from(contentItems).where(eq(contentItems.id, id));
  await t.db
    .update(revisions)
    .set(as === "body" ? { body: doc(p("Text före bilden."), figure({ mediaId, alt: "Bryggan" })) } : { coverMediaId: mediaId })
    .where(eq(revisions.id, item!.currentRevisionId!));
  return id;
}

beforeAll(async () => {
  t = await createTestDb();
  demo = await seededDemo(t.db);
  storage = new LocalDiskStorage(fs.mkdtempSync(path.join(os.tmpdir(), "kb-library-")));
  photo = await sharp({ create: { width: 1000, height: 700, channels: 3, background: "#335577" } }).jpeg().toBuffer();
});
afterAll(async () => {
  await t.close();
  fs.rmSync(storage.root, { recursive: true, force: true });
});

describe("imageUses", () => {
  it("finds a figure deep in a body, a cover and the logo, and nothing for an unused image", async () => {
    const inBody = await upload(demo.skribent, "Bryggan i morgonljus");
    const asCover = await upload(demo.skribent, "Torget");
    const unused = await upload(demo.skribent, "Oanvänd");
    await textShowing(inBody.id, "Badplatserna öppnar");
    await textShowing(asCover.id, "Torgdagarna", "cover");
    await t.db.update(siteSettings).set({ logoMediaId: asCover.id });
    try {
      expect(await imageUses(t.db, inBody.id)).toEqual([expect.objectContaining({ kind: "text", title: "Badplatserna öppnar", status: "draft", published: false })]);
      expect((await imageUses(t.db, asCover.id)).map((use) => use.kind)).toEqual(["logo", "text"]);
      expect(await imageUses(t.db, unused.id)).toEqual([]);
    } finally {
      await t.db.update(siteSettings).set({ logoMediaId: null });
    }
  });
});

describe("deleteImage", () => {
  it("refuses an image a text uses, naming the text, and keeps the row and every file", async () => {
    const image = await upload(demo.skribent, "Simhallen");
    await textShowing(image.id, "Simhallen renoveras");
    const before = files().length;
    const error = await deleteImage(t.db, demo.redaktor, image.id, storage).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toBe("Bilden används och kan inte tas bort: ”Simhallen renoveras”. Ta bort den ur texten först.");
    expect(await t.db.select().from(media).where(eq(media.id, image.id))).toHaveLength(1);
    expect(files()).toHaveLength(before);
  });

  it("removes an unused image's row and every derived size from storage, with an audit row", async () => {
    const image = await upload(demo.skribent, "Att ta bort");
    const [row] = await t.db.select().from(media).where(eq(media.id, image.id));
    const own = files().filter((file) => file.includes(image.id));
    expect(own).toHaveLength(1 + row!.variants.length);
    expect(await deleteImage(t.db, demo.skribent, image.id, storage)).toEqual({ alt: "Att ta bort", files: own.length });
    expect(files().filter((file) => file.includes(image.id))).toEqual([]);
    expect(await t.db.select().from(media).where(eq(media.id, image.id))).toHaveLength(0);
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.entityId, image.id)).orderBy(auditLog.id);
    expect(audit).toBeTruthy();
    expect((await t.db.select().from(auditLog).where(eq(auditLog.action, "media.deleted"))).some((a) => a.entityId === image.id)).toBe(true);
  });

  it("says so when the image is already gone", async () => {
    await expect(deleteImage(t.db, demo.skribent, "00000000-0000-4000-8000-000000000000", storage)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("describeImage", () => {
  it("changes the library's words and leaves the texts' own copies alone", async () => {
    const image = await upload(demo.skribent, "Gammal text");
    const textId = await textShowing(image.id, "Texten med egen alt");
    await describeImage(t.db, demo.admin, image.id, { alt: "Ny alternativtext", caption: "Bildtext", credit: "Foto: Eva Ek" });
    const [row] = await t.db.select().from(media).where(eq(media.id, image.id));
    expect(row).toMatchObject({ alt: "Ny alternativtext", caption: "Bildtext", credit: "Eva Ek" });
    const [item] = await t.db.select().from(contentItems).where(eq(contentItems.id, textId));
    const [revision] = await t.db.select().from(revisions).where(eq(revisions.id, item!.currentRevisionId!));
    expect(JSON.stringify(revision!.body)).toContain('"alt":"Bryggan"');
  });

  it("refuses an empty alt text in Swedish, under its field", async () => {
    const image = await upload(demo.skribent, "Med alt");
    const error = (await describeImage(t.db, demo.skribent, image.id, { alt: " ", caption: "", credit: "" }).catch((e: unknown) => e)) as AppError;
    expect(error.fieldErrors?.alt).toEqual(["Skriv en alternativtext som beskriver bilden."]);
  });
});

describe("describeUses", () => {
  it("lists in Swedish", () => {
    const text = (title: string) => ({ kind: "text" as const, id: title, title, status: "draft" as const, published: false, publicationName: "Bloggen" });
    expect(describeUses([text("A")])).toBe("”A”");
    expect(describeUses([{ kind: "logo" }, text("A"), text("B")])).toBe("webbplatsens logotyp, ”A” och ”B”");
  });
});
