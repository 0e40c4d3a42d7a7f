import { getSitemapOverview } from "@/db/queries/public/sitemap";
import { getDb } from "@/db/client";
import { sitemapIndexUrls, sitemapIndexXml, xmlResponse } from "@/lib/feeds/sitemap";

// Cached; publishing revalidates the reader site (lib/workflow/revalidate.ts), at most a minute stale otherwise.
export const revalidate = 60;

/** The sitemap index: the fixed pages' file and one file per year of texts (lib/feeds/sitemap.ts). */
export async function GET(): Promise<Response> {
  return xmlResponse(sitemapIndexXml(sitemapIndexUrls(await getSitemapOverview(await getDb()))));
}
