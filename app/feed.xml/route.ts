import { getFeedIssues, getFeedPosts } from "@/db/queries/public/feeds";
import { getSiteSettings } from "@/db/queries/settings";
import { getDb } from "@/db/client";
import { FEED_LIMIT, issueEntry, newestFirst, postEntry, renderRss, rssResponse } from "@/lib/feeds/rss";
import { paths } from "@/lib/feeds/urls";

// Cached; publishing revalidates /feed.xml (lib/workflow/public-paths.ts), at most a minute stale otherwise.
export const revalidate = 60;

/** Everything the municipality publishes: newsletter issues and every blog's posts, newest first. */
export async function GET(): Promise<Response> {
  const db = await getDb();
  const [settings, issues, posts] = await Promise.all([getSiteSettings(db), getFeedIssues(db, FEED_LIMIT), getFeedPosts(db, { limit: FEED_LIMIT })]);
  const siteName = settings?.municipalityName ?? "Kommunbladet";
  return rssResponse(
    renderRss({
      title: `${siteName}: nyhetsbrev och bloggar`,
      description: `Nyhetsbrev och blogginlägg från ${siteName}.`,
      pagePath: paths.home(),
      feedPath: paths.feed(),
      entries: newestFirst([...issues.map(issueEntry), ...posts.map(postEntry)]),
    }),
  );
}
