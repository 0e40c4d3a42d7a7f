import { eq } from "drizzle-orm";
import { media, siteSettings } from "@/db/schema";
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
