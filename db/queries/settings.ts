import { eq } from "drizzle-orm";
import { media, siteSettings, type AccessibilityStatement } from "@/db/schema";
import type { DbOrTx } from "@/db/types";

export async function getSiteSettings(db: DbOrTx) {
  const [settings] = await db.select().from(siteSettings).limit(1);
  return settings ?? null;
}

/** The site's logo as an image of the media library, or null when the site has none. */
export async function getSiteLogo(db: DbOrTx) {
  const [logo] = await db
    .select({ id: media.id, storageKey: media.storageKey, mimeType: media.mimeType, width: media.width, height: media.height })
    .from(siteSettings)
    .innerJoin(media, eq(media.id, siteSettings.logoMediaId))
    .limit(1);
  return logo ?? null;
}

/** The accessibility statement as saved under Inställningar, or null before it is. */
export async function getAccessibilityStatement(db: DbOrTx): Promise<AccessibilityStatement | null> {
  const [settings] = await db.select({ accessibility: siteSettings.accessibility }).from(siteSettings).limit(1);
  return settings?.accessibility ?? null;
}

/** Stores the accessibility statement; false when the settings row is missing (nothing updated). */
export async function updateAccessibilityStatement(tx: DbOrTx, statement: AccessibilityStatement, now: Date): Promise<boolean> {
  const updated = await tx.update(siteSettings).set({ accessibility: statement, updatedAt: now }).where(eq(siteSettings.id, 1)).returning({ id: siteSettings.id });
  return updated.length > 0;
}
