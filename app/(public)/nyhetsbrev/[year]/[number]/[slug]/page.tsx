import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleView } from "@/components/content/article-view";
import { coverOf } from "@/components/content/cover-image";
import { withHeadingsFrom } from "@/components/site/heading-levels";
import { TextFooter } from "@/components/site/text-footer";
import { getAuthorSlugs } from "@/lib/users/author-slugs";
import { getCorrections } from "@/db/queries/public/corrections";
import { getIssueArticle } from "@/db/queries/public/issues";
import { getSiteSettings } from "@/db/queries/settings";
import { getDb } from "@/db/client";
import { articleMetadata } from "@/lib/feeds/page-metadata";
import { articleAddress } from "@/lib/feeds/urls";
import { isTextSlug } from "@/lib/http/route-params";

// Cached and revalidated on publish (lib/workflow/revalidate.ts); at most a minute stale elsewhere.
export const revalidate = 60;
// No page is rendered at build time (the build has no real database): each is rendered on its
// first request and then cached.
export async function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ year: string; number: string; slug: string }> };

async function load(params: Props["params"]) {
  const parsed = articleAddress.safeParse(await params);
  if (!parsed.success || !isTextSlug(parsed.data.slug)) notFound();
  const article = await getIssueArticle(await getDb(), parsed.data.year, parsed.data.number, parsed.data.slug);
  if (!article) notFound();
  return article;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await load(params);
  const settings = await getSiteSettings(await getDb());
  return articleMetadata(article, { year: article.issueYear, number: article.issueNumber, publicationName: article.publicationName }, settings);
}

export default async function IssueArticlePage({ params }: Props) {
  const article = await load(params);
  const db = await getDb();
  const [corrections, authorSlugs] = await Promise.all([getCorrections(db, [article.id]).then((all) => all.get(article.id)), getAuthorSlugs(db)]);
  const issuePath = `/nyhetsbrev/${article.issueYear}/${article.issueNumber}`;
  const issueName = `nummer ${article.issueNumber} ${article.issueYear}`;
  return (
    <div className="space-y-8">
      <ArticleView
        kicker={
          <>
            {article.placement === "column" ? "Krönika · " : null}
            <Link className="underline-offset-4 hover:underline" href={issuePath}>
              {article.publicationName}, {issueName}
            </Link>
          </>
        }
        title={article.title}
        lead={article.lead}
        // In its issue the article's subheadings sit under an h2; here its title is the h1.
        body={withHeadingsFrom(article.body, 2)}
        byline={article.byline}
        publishedAt={article.publishedAt}
        cover={coverOf(article)}
        corrections={corrections}
      />
      <TextFooter tags={article.tags} byline={article.byline} authorSlugs={authorSlugs}>
        <p>
          <Link className="text-lg font-semibold text-brand underline underline-offset-2" href={issuePath}>
            Till {issueName}
          </Link>
        </p>
      </TextFooter>
    </div>
  );
}
