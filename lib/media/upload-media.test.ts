import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, media, users } from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/testing";
import type { Db } from "@/db/types";
import type { CurrentUser } from "@/lib/auth/session";
import type { Role } from "@/lib/permissions";
import { getMedia, listMedia } from "./list-media";
import { LocalDiskStorage } from "./storage";
import { uploadMedia } from "./upload-media";

let t: TestDb;
let folder: string;
let storage: LocalDiskStorage;
let skribent: CurrentUser, admin: CurrentUser;
let photo: Buffer;

async function user(role: Role, email: string): Promise<CurrentUser> {
  const [row] = await t.db.insert(users).values({ email, name: `Test ${role}`, role, passwordHash: "x" }).returning();
  return { id: row!.id, name: row!.name, email, jobTitle: "", role, active: true };
}

/** Every file in the storage folder, as keys. */
function storedKeys(): string[] {
  if (!fs.existsSync(storage.root)) return [];
  return fs.readdirSync(storage.root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(storage.root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

beforeAll(async () => {
  t = await createTestDb();
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "kb-upload-"));
  storage = new LocalDiskStorage(folder);
  skribent = await user("skribent", "skribent@test.se");
  admin = await user("admin", "admin@test.se");
  photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: "#4a7a3a" } }).jpeg().toBuffer();
});
afterAll(async () => {
  await t.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

describe("uploadMedia", () => {
  it("refuses a role without media.upload: the admin runs the system, not the content", async () => {
    await expect(uploadMedia(t.db, admin, { bytes: photo, alt: "En äng" }, storage)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(uploadMedia(t.db, { ...skribent, active: false } as unknown as CurrentUser, { bytes: photo, alt: "En äng" }, storage)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(storedKeys()).toEqual([]);
  });

  it("requires alt text of at most 300 characters", async () => {
    for (const alt of ["", "   "]) {
      await expect(uploadMedia(t.db, skribent, { bytes: photo, alt }, storage)).rejects.toMatchObject({
        code: "INVALID_INPUT",
        message: "Skriv en alternativtext som beskriver bilden.",
        fieldErrors: { alt: ["Skriv en alternativtext som beskriver bilden."] },
      });
    }
    await expect(uploadMedia(t.db, skribent, { bytes: photo, alt: "x".repeat(301) }, storage)).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(storedKeys()).toEqual([]);
    expect(await t.db.select().from(media)).toHaveLength(0);
  });

  it("refuses a file that is not an image and stores nothing", async () => {
    const html = Buffer.from("<html><body>hej</body></html>");
    await expect(uploadMedia(t.db, skribent, { bytes: html, alt: "Falsk bild" }, storage)).rejects.toMatchObject({ reason: "unsupported" });
    expect(storedKeys()).toEqual([]);
  });

  it("stores the files, the media row and an audit row", async () => {
    // The photographer is stored by name: the renderers add "Foto: " (typed too, it came out twice).
    const result = await uploadMedia(t.db, skribent, { bytes: photo, alt: "  Torget i vinterljus ", caption: "Julmarknaden öppnar.", credit: "Foto: Sara Lind" }, storage);
    expect(result).toMatchObject({ width: 1200, height: 900, alt: "Torget i vinterljus", caption: "Julmarknaden öppnar.", credit: "Sara Lind" });

    const row = await getMedia(t.db, result.id);
    expect(row).toMatchObject({ storageKey: `${result.id}/original.jpg`, mimeType: "image/jpeg", uploadedBy: skribent.id });
    expect(row!.variants.map((v) => `${v.key}:${v.width}x${v.height}`).sort()).toEqual([
      `${result.id}/1600.avif:1200x900`,
      `${result.id}/1600.webp:1200x900`,
      `${result.id}/480.avif:480x360`,
      `${result.id}/480.webp:480x360`,
      `${result.id}/960.avif:960x720`,
      `${result.id}/960.webp:960x720`,
    ]);
    expect(storedKeys()).toEqual([row!.storageKey, ...row!.variants.map((v) => v.key)].sort());
    const original = await storage.get(row!.storageKey);
    expect(original!.size).toBe(row!.bytes);
    await original!.body.cancel();

    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, "media"), eq(auditLog.entityId, result.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "media.uploaded", actorId: skribent.id });
  });

  it("removes the stored files again when the database insert fails", async () => {
    const before = storedKeys();
    const failing = new Proxy(t.db, {
      get: (target, property, receiver) =>
        property === "transaction" ? () => Promise.reject(new Error("database down")) : Reflect.get(target, property, receiver),
    }) as Db;
    await expect(uploadMedia(failing, skribent, { bytes: photo, alt: "Går inte att spara" }, storage)).rejects.toThrow("database down");
    expect(storedKeys()).toEqual(before);
  });
});

describe("listMedia and getMedia", () => {
  it("lists newest first and searches alt text, caption and credit, taking % literally", async () => {
    const upload = (alt: string, caption = "", credit = "") => uploadMedia(t.db, skribent, { bytes: photo, alt, caption, credit }, storage);
    const first = await upload("Skolgården på hösten", "Rast", "Foto: Eva Berg");
    const second = await upload("Biblioteket", "100% ombyggt", "");
    const third = await upload("Badplatsen", "", "Foto: Eva Berg");

    const all = await listMedia(t.db, { limit: 3, offset: 0 });
    expect(all.items.map((m) => m.id)).toEqual([third.id, second.id, first.id]);
    expect(all.total).toBe(4);

    expect((await listMedia(t.db, { query: "eva berg", limit: 10, offset: 0 })).items.map((m) => m.id)).toEqual([third.id, first.id]);
    expect((await listMedia(t.db, { query: "SKOLGÅRDEN", limit: 10, offset: 0 })).items.map((m) => m.id)).toEqual([first.id]);
    expect((await listMedia(t.db, { query: "100%", limit: 10, offset: 0 })).items.map((m) => m.id)).toEqual([second.id]);
    expect((await listMedia(t.db, { query: "%", limit: 10, offset: 0 })).total).toBe(1);
    expect((await listMedia(t.db, { query: "_", limit: 10, offset: 0 })).total).toBe(0);
    const page = await listMedia(t.db, { limit: 2, offset: 2 });
    expect(page.items).toHaveLength(2);
    expect(page.items[0]!.id).toBe(first.id);
  });

  it("finds one image by id, and nothing for a malformed or unknown id", async () => {
    const [row] = await t.db.select().from(media).limit(1);
    expect((await getMedia(t.db, row!.id))?.id).toBe(row!.id);
    expect(await getMedia(t.db, "../etc/passwd")).toBeNull();
    expect(await getMedia(t.db, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});
