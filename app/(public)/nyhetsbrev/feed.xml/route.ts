import { getFeedIssues } from "@/db/queries/public/feeds";
import { getSiteSettings } from "@/db/queries/settings";
import { getDb } from "@/db/client";
import { FEED_LIMIT, issueEntry, newestFirst, renderRss, rssResponse } from "@/lib/feeds/rss";
import { paths } from "@/lib/feeds/urls";

// Cached; publishing an issue revalidates this path (lib/workflow/public-paths.ts).
export const revalidate = 60;

/** The newsletter: one entry per published issue (why not per article: see issueEntry). */
export async function GET(): Promise<Response> {
  const db = await getDb();
  const [settings, issues] = await Promise.all([getSiteSettings(db), getFeedIssues(db, FEED_LIMIT)]);
  const siteName = settings?.municipalityName ?? "Kommunbladet";
  return rssResponse(
    renderRss({
      title: issues[0]?.publicationName ?? `Nyhetsbrev för ${siteName}`,
      description: `Varje nummer av nyhetsbrevet från ${siteName}.`,
      pagePath: paths.archive(),
      feedPath: paths.newsletterFeed(),
      entries: newestFirst(issues.map(issueEntry)),
    }),
  );
}
