import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { desc, eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, media, siteSettings } from "@/db/schema";
import { seededDemo } from "@/db/testing/actors";
import { createTestDb, type TestDb } from "@/db/testing";
import { AppError } from "@/lib/errors";
import { LocalDiskStorage } from "@/lib/media/storage";
import { removeLogo, replaceLogo, saveIdentity } from "./identity";

let t: TestDb;
let demo: Awaited<ReturnType<typeof seededDemo>>;
let storage: LocalDiskStorage;

const valid = {
  municipalityName: "Norrby kommun",
  tagline: "Nyheter från Norrby",
  streetAddress: "Storgatan 1",
  postalAddress: "123 45 Norrby",
  phone: "0123-45 67 00",
  email: "kommun@norrby.test",
  webUrl: "https://www.norrby.test",
  accentColor: "#0B5394",
};

beforeAll(async () => {
  t = await createTestDb();
  demo = await seededDemo(t.db);
  storage = new LocalDiskStorage(fs.mkdtempSync(path.join(os.tmpdir(), "kb-logo-")));
});
afterAll(async () => {
  await t.close();
  fs.rmSync(storage.root, { recursive: true, force: true });
});

async function failure(run: Promise<unknown>): Promise<AppError> {
  const error = await run.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("saveIdentity", () => {
  it("saves the name, addresses and colour, and records what changed", async () => {
    expect(await saveIdentity(t.db, demo.admin, valid)).toMatchObject({ changed: expect.arrayContaining(["municipalityName", "primaryColor"]) });
    const [settings] = await t.db.select().from(siteSettings);
    expect(settings).toMatchObject({ municipalityName: "Norrby kommun", primaryColor: "#0b5394", webUrl: "https://www.norrby.test" });
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, "settings.updated")).orderBy(desc(auditLog.id)).limit(1);
    expect(entry!.details).toMatchObject({ part: "identity", to: "Norrby kommun" });
  });

  it("refuses a colour below 4.5:1 against the white page, with the measured ratio", async () => {
    const error = await failure(saveIdentity(t.db, demo.admin, { ...valid, accentColor: "#ff8800" }));
    expect(error.fieldErrors?.accentColor?.[0]).toBe(
      "Färgen har kontrasten 2,3:1 mot den vita bakgrunden. Den måste vara minst 4,5:1 (WCAG AA) för att text i färgen ska gå att läsa. Välj en mörkare färg.",
    );
    // #767676 is the lightest grey that passes.
    await saveIdentity(t.db, demo.admin, { ...valid, accentColor: "#767676" });
    await failure(saveIdentity(t.db, demo.admin, { ...valid, accentColor: "#777777" }));
  });

  it("refuses bad fields in Swedish and a role other than the admin", async () => {
    const error = await failure(saveIdentity(t.db, demo.admin, { ...valid, municipalityName: " ", email: "inte-en-adress", webUrl: "javascript:alert(1)", accentColor: "blå" }));
    expect(error.fieldErrors).toEqual({
      municipalityName: ["Skriv kommunens namn."],
      email: ["Skriv en hel e-postadress, till exempel kommun@exempelby.se."],
      webUrl: ["Webbadressen måste börja med http:// eller https://."],
      accentColor: ["Ange färgen som #rrggbb, till exempel #1f4e79."],
    });
    expect((await failure(saveIdentity(t.db, demo.redaktor, valid))).code).toBe("FORBIDDEN");
  });
});

describe("the logo", () => {
  it("stores a PNG as a library image and makes it the logo; removing keeps the image", async () => {
    const png = await sharp({ create: { width: 300, height: 100, channels: 4, background: "#0b5394" } })
      .png()
      .toBuffer();
    const logo = await replaceLogo(t.db, demo.admin, png, storage);
    const [settings] = await t.db.select().from(siteSettings);
    expect(settings!.logoMediaId).toBe(logo.id);
    const [row] = await t.db.select().from(media).where(eq(media.id, logo.id));
    expect(row).toMatchObject({ mimeType: "image/png", width: 300, alt: "Norrby kommuns logotyp" });
    await removeLogo(t.db, demo.admin);
    expect((await t.db.select().from(siteSettings))[0]!.logoMediaId).toBeNull();
    expect(await t.db.select().from(media).where(eq(media.id, logo.id))).toHaveLength(1);
  });

  it("keeps a sanitised SVG as the original, with raster sizes beside it", async () => {
    const svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 30 10" onload="alert(1)"><rect width="30" height="10" fill="#0b5394"/></svg>`);
    const logo = await replaceLogo(t.db, demo.admin, svg, storage);
    const [row] = await t.db.select().from(media).where(eq(media.id, logo.id));
    expect(row!.mimeType).toBe("image/svg+xml");
    expect(row!.storageKey).toBe(`${logo.id}/original.svg`);
    const stored = fs.readFileSync(path.join(storage.root, logo.id, "original.svg"), "utf8");
    expect(stored).not.toContain("onload");
    expect(row!.variants.length).toBeGreaterThan(0);
  });

  it("refuses a file that is no image, and the logo stays as it was", async () => {
    const [before] = await t.db.select().from(siteSettings);
    const error = await failure(replaceLogo(t.db, demo.admin, Buffer.from("just words, not a picture"), storage));
    expect(error.fieldErrors?.logo?.[0]).toMatch(/PNG-, JPEG-, WebP- eller SVG-fil/);
    expect((await t.db.select().from(siteSettings))[0]!.logoMediaId).toBe(before!.logoMediaId);
  });
});
