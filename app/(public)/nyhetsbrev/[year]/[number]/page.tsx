import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { bylineText } from "@/lib/format";
import { Corrections } from "@/components/content/corrections";
import { CoverImage, coverOf } from "@/components/content/cover-image";
import { RichText } from "@/components/content/rich-text";
import { Colophon } from "@/components/newsletter/colophon";
import { Kalendarium } from "@/components/newsletter/kalendarium";
import { withHeadingsFrom } from "@/components/site/heading-levels";
import { TagLinks } from "@/components/site/tag-links";
import { getCorrections, getIssue, getSiteSettings } from "@/db/queries/public";
import { readerDb } from "@/db/reader";
import { issueMetadata } from "@/lib/feeds/page-metadata";
import { issueAddress } from "@/lib/feeds/urls";
import { colophonOf } from "@/lib/issues/colophon";
import { formatDate, isoDate } from "@/lib/format";

// Cached and revalidated on publish (lib/workflow/revalidate.ts); at most a minute stale elsewhere.
export const revalidate = 60;
// No page is rendered at build time (the build has no real database): each is rendered on its
// first request and then cached.
export async function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ year: string; number: string }> };

async function load(params: Props["params"]) {
  const parsed = issueAddress.safeParse(await params);
  if (!parsed.success) notFound();
  const db = await readerDb();
  const [issue, settings] = await Promise.all([getIssue(db, parsed.data.year, parsed.data.number), getSiteSettings(db)]);
  if (!issue) notFound();
  return { issue, settings };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { issue, settings } = await load(params);
  return issueMetadata(issue, settings); // Feeds and metadata (issue 6): canonical, Open Graph, Twitter.
}

export default async function IssuePage({ params }: Props) {
  const { issue, settings } = await load(params);
  // Rättelser of the issue's articles, in one query for the whole issue.
  const corrections = await getCorrections(await readerDb(), issue.articles.map((a) => a.id));
  return (
    <article aria-labelledby="nummer" className="space-y-10">
      <header className="border-b border-gray-300 pb-6">
        <p className="text-lg font-semibold uppercase tracking-wide text-brand">{issue.publicationName}</p>
        <h1 id="nummer" className="mt-1 text-4xl font-bold">
          Nummer {issue.number} {issue.year}
        </h1>
        {issue.title ? <p className="mt-2 text-xl">{issue.title}</p> : null}
        {issue.publishedAt ? (
          <p className="mt-2 text-muted">
            Publicerat <time dateTime={isoDate(issue.publishedAt)}>{formatDate(issue.publishedAt)}</time>
          </p>
        ) : null}
        {issue.articles.length > 1 ? (
          <nav aria-label="I det här numret" className="mt-6 no-print">
            <h2 className="text-base font-semibold">I det här numret</h2>
            <ul className="mt-2 list-disc space-y-1 pl-6">
              {issue.articles.map((article) => (
                <li key={article.id}>
                  <a className="text-brand underline" href={`#${article.slug}`}>
                    {article.title}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>

      {issue.articles.map((article) => (
        <section key={article.id} id={article.slug} aria-labelledby={`${article.slug}-rubrik`} className="scroll-mt-4">
          {article.placement === "column" ? (
            <p className="text-sm font-semibold uppercase tracking-wide text-accent">Krönika</p>
          ) : null}
          <h2 id={`${article.slug}-rubrik`} className="text-3xl font-bold leading-tight">
            <Link className="underline-offset-4 hover:underline" href={`/nyhetsbrev/${issue.year}/${issue.number}/${article.slug}`}>
              {article.title}
            </Link>
          </h2>
          {article.lead ? <p className="mt-3 text-xl font-medium leading-relaxed">{article.lead}</p> : null}
          {/* Signed or not, as on the article's own page: every writer, guests included. */}
          {article.byline.length > 0 ? <p className="mt-2 text-muted">{bylineText(article.byline)}</p> : null}
          {coverOf(article) ? <CoverImage cover={coverOf(article)!} /> : null}
          {/* Subheadings below the article's h2, whatever level the writer started from. */}
          <RichText content={withHeadingsFrom(article.body, 3)} className="mt-5 max-w-prose" />
          <TagLinks tags={article.tags} className="mt-4" />
          <Corrections corrections={corrections.get(article.id) ?? []} headingLevel={3} />
        </section>
      ))}

      <Kalendarium events={issue.calendar} note={issue.calendarNote} />

      <Colophon {...colophonOf(issue, settings)} />
    </article>
  );
}
