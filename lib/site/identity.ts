import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { siteSettings } from "@/db/schema";
import type { Db } from "@/db/types";
import { recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { AppError, parseInput } from "@/lib/errors";
import { storeImage } from "@/lib/media/upload-media";
import type { MediaStorage } from "@/lib/media/storage";
import { can } from "@/lib/permissions";
import { contrastRatio, formatRatio, HEX_COLOR, MIN_CONTRAST, PAGE_BACKGROUND } from "./contrast";
import { processLogo } from "./logo";

const FORBIDDEN = "Bara administratörer får ändra webbplatsens inställningar.";
const NOT_SAVED = "Inställningarna sparades inte. Rätta fälten som är markerade.";

const line = (label: string, max: number) => z.string().trim().max(max, `${label} får vara högst ${max} tecken.`);

export const identitySchema = z.object({
  municipalityName: line("Kommunens namn", 120).min(1, "Skriv kommunens namn."),
  tagline: line("Undertiteln", 200),
  streetAddress: line("Gatuadressen", 200),
  postalAddress: line("Postadressen", 200),
  phone: line("Telefonnumret", 50),
  email: line("E-postadressen", 254).refine((value) => value === "" || z.email().safeParse(value).success, "Skriv en hel e-postadress, till exempel kommun@exempelby.se."),
  webUrl: line("Webbadressen", 500).refine((value) => value === "" || (/^https?:\/\//i.test(value) && URL.canParse(value)), "Webbadressen måste börja med http:// eller https://."),
  accentColor: z
    .string()
    .trim()
    .toLowerCase()
    .regex(HEX_COLOR, "Ange färgen som #rrggbb, till exempel #1f4e79.")
    .superRefine((value, context) => {
      if (!HEX_COLOR.test(value)) return;
      const ratio = contrastRatio(value, PAGE_BACKGROUND);
      if (ratio < MIN_CONTRAST) {
        context.addIssue({
          code: "custom",
          message: `Färgen har kontrasten ${formatRatio(ratio)} mot den vita bakgrunden. Den måste vara minst 4,5:1 (WCAG AA) för att text i färgen ska gå att läsa. Välj en mörkare färg.`,
        });
      }
    }),
});

export type IdentityInput = z.input<typeof identitySchema>;

function refuseUnlessAdmin(actor: CurrentUser) {
  if (!can(actor, "settings.manage")) throw new AppError("FORBIDDEN", FORBIDDEN);
}

/**
 * The municipality's name, address and colour. The form's "Accentfärg" is the colour the reader
 * pages draw links, headings and the header rule in (stored as `primaryColor`, the column the
 * site's brand colour has always lived in).
 */
export async function saveIdentity(db: Db, actor: CurrentUser, input: unknown, now = new Date()) {
  refuseUnlessAdmin(actor);
  const { accentColor, ...rest } = parseInput(identitySchema, input, { message: NOT_SAVED });
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(siteSettings).where(eq(siteSettings.id, 1)).for("update");
    if (!before) throw new AppError("NOT_FOUND", "Webbplatsens inställningar finns inte. Kontakta den som driftar systemet.");
    const next = { ...rest, primaryColor: accentColor };
    const changed = Object.entries(next)
      .filter(([key, value]) => before[key as keyof typeof before] !== value)
      .map(([key]) => key);
    await tx
      .update(siteSettings)
      .set({ ...next, updatedAt: now })
      .where(eq(siteSettings.id, 1));
    await recordAudit(tx, {
      actor,
      action: "settings.updated",
      entityType: "settings",
      entityId: "1",
      summary: changed.length ? "Ändrade webbplatsens uppgifter" : "Sparade webbplatsens uppgifter utan ändringar",
      details: { part: "identity", changed, ...(changed.includes("municipalityName") ? { from: before.municipalityName, to: next.municipalityName } : {}) },
    });
    return { changed };
  });
}

/**
 * A new logo: checked and re-encoded (an SVG sanitised), stored as an image of the media library,
 * and made the site's logo. The old logo stays in the library: it may be used in a text.
 */
export async function replaceLogo(db: Db, actor: CurrentUser, bytes: Buffer, storage?: MediaStorage) {
  refuseUnlessAdmin(actor);
  if (bytes.length === 0) throw new AppError("INVALID_INPUT", "Välj en bildfil med logotypen.", { logo: ["Välj en bildfil med logotypen."] });
  const [settings] = await db.select({ name: siteSettings.municipalityName }).from(siteSettings).where(eq(siteSettings.id, 1));
  if (!settings) throw new AppError("NOT_FOUND", "Webbplatsens inställningar finns inte. Kontakta den som driftar systemet.");
  const logo = await processLogo(bytes);
  const stored = await storeImage(
    db,
    actor,
    logo.image,
    { alt: `${settings.name}s logotyp`, caption: "", credit: "" },
    {
      storage,
      ...(logo.svg ? { original: { file: "original.svg", bytes: logo.svg, contentType: "image/svg+xml" } } : {}),
      audit: { action: "media.uploaded", summary: "Laddade upp en ny logotyp" },
    },
  );
  await db.transaction(async (tx) => {
    await tx.update(siteSettings).set({ logoMediaId: stored.id, updatedAt: new Date() }).where(eq(siteSettings.id, 1));
    await recordAudit(tx, { actor, action: "settings.updated", entityType: "settings", entityId: "1", summary: "Bytte logotyp", details: { part: "logo", mediaId: stored.id } });
  });
  return stored;
}

/** The site goes back to its name alone; the image stays in the media library. */
export async function removeLogo(db: Db, actor: CurrentUser) {
  refuseUnlessAdmin(actor);
  await db.transaction(async (tx) => {
    await tx.update(siteSettings).set({ logoMediaId: null, updatedAt: new Date() }).where(eq(siteSettings.id, 1));
    await recordAudit(tx, { actor, action: "settings.updated", entityType: "settings", entityId: "1", summary: "Tog bort logotypen", details: { part: "logo" } });
  });
}
