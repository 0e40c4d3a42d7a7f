import "server-only";
import { getDb } from "./client";

/**
 * The database for a reader page. Reader pages are cached (lib/server/page-cache-handler.mjs) and
 * revalidated on publish, so this is read on a page's first request and after a publication, not
 * per request. During `next build` it is an empty scratch database (see getDb).
 */
export async function readerDb() {
  return getDb();
}
