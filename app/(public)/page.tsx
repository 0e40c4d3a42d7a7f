import type { Metadata } from "next";
import Link from "next/link";
import { EventList } from "@/components/site/event-list";
import { PostCard } from "@/components/site/post-card";
import { SubscribeForm } from "@/components/subscriptions/subscribe-form";
import { getIssue, getLatestIssues } from "@/db/queries/public/issues";
import { getLatestPosts } from "@/db/queries/public/blogs";
import { getSiteSettings } from "@/db/queries/settings";
import { upcomingOccurrences } from "@/lib/calendar/public";
import { getDb } from "@/db/client";
import { homeMetadata } from "@/lib/feeds/page-metadata";
import { formatDate, isoDate } from "@/lib/format";

// Cached and revalidated on publish (lib/workflow/revalidate.ts); at most a minute stale elsewhere.
export const revalidate = 60;

export async function generateMetadata(): Promise<Metadata> {
  const settings = await getSiteSettings(await getDb());
  return homeMetadata(settings); // Feeds and metadata (issue 6): canonical, Open Graph, Twitter.
}

export default async function HomePage() {
  const db = await getDb();
  const [issues, posts, events] = await Promise.all([getLatestIssues(db, 4), getLatestPosts(db, 4), upcomingOccurrences(db, new Date(), 5)]);
  const [latest, ...earlier] = issues;
  const latestIssue = latest ? await getIssue(db, latest.year, latest.number) : null;

  return (
    <div className="grid gap-10 lg:grid-cols-[2fr_1fr]">
      <div className="space-y-10">
        <h1 className="sr-only">Nyheter från kommunen</h1>
        <section aria-labelledby="senaste-numret">
          <h2 id="senaste-numret" className="text-sm font-semibold uppercase tracking-wide text-accent">
            Senaste nyhetsbrevet
          </h2>
          {latest && latestIssue ? (
            <div className="mt-2 rounded border border-gray-300 bg-white p-6">
              <p className="text-3xl font-bold">
                <Link className="text-brand underline-offset-4 hover:underline" href={`/nyhetsbrev/${latest.year}/${latest.number}`}>
                  Nummer {latest.number} {latest.year}
                </Link>
              </p>
              {latest.publishedAt ? (
                <p className="text-muted">
                  <time dateTime={isoDate(latest.publishedAt)}>{formatDate(latest.publishedAt)}</time>
                </p>
              ) : null}
              <ul className="mt-4 space-y-3">
                {latestIssue.articles.map((article) => (
                  <li key={article.id}>
                    <Link className="font-semibold text-brand underline" href={`/nyhetsbrev/${latest.year}/${latest.number}/${article.slug}`}>
                      {article.title}
                    </Link>
                    {article.lead ? <p className="text-muted">{article.lead}</p> : null}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="mt-2">Inget nyhetsbrev är publicerat ännu.</p>
          )}
          {earlier.length > 0 ? (
            <p className="mt-3">
              Tidigare nummer:{" "}
              {earlier.map((issue, index) => (
                <span key={issue.id}>
                  {index > 0 ? ", " : ""}
                  <Link className="text-brand underline" href={`/nyhetsbrev/${issue.year}/${issue.number}`}>
                    nummer {issue.number} {issue.year}
                  </Link>
                </span>
              ))}
            </p>
          ) : null}
        </section>

        <section aria-labelledby="blogginlagg">
          <h2 id="blogginlagg" className="text-sm font-semibold uppercase tracking-wide text-accent">
            Senaste blogginläggen
          </h2>
          {posts.length > 0 ? (
            <div className="divide-y divide-gray-200">
              {posts.map((post) => (
                <PostCard key={`${post.blogSlug}/${post.slug}`} post={post} />
              ))}
            </div>
          ) : (
            <p className="mt-2">Inga blogginlägg ännu.</p>
          )}
        </section>
      </div>

      <aside aria-labelledby="kommande">
        <h2 id="kommande" className="text-sm font-semibold uppercase tracking-wide text-accent">
          Kommande evenemang
        </h2>
        <EventList events={events} />
        <p className="mt-3">
          <Link className="font-semibold text-brand underline" href="/kalender">
            Hela kalendern
          </Link>
        </p>
        <div className="mt-10 rounded border border-gray-300 bg-white p-4">
          <SubscribeForm idPrefix="start" />
        </div>
      </aside>
    </div>
  );
}
