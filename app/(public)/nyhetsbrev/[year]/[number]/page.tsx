import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { IssueBody } from "@/components/newsletter/issue-body";
import { getCorrections } from "@/db/queries/public/corrections";
import { getIssue } from "@/db/queries/public/issues";
import { getSiteSettings } from "@/db/queries/settings";
import { getDb } from "@/db/client";
import { issueMetadata } from "@/lib/feeds/page-metadata";
import { issueAddress, paths } from "@/lib/feeds/urls";
import { colophonOf } from "@/lib/issues/colophon";

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
  const db = await getDb();
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
  const corrections = await getCorrections(
    await getDb(),
    issue.articles.map((a) => a.id),
  );
  // The body is shared with the staff's whole-issue preview (components/newsletter/issue-body.tsx).
  return (
    <IssueBody
      issue={issue}
      articles={issue.articles}
      colophon={colophonOf(issue, settings)}
      corrections={corrections}
      articleHref={(article) => paths.article(issue.year, issue.number, article.slug)}
    />
  );
}
