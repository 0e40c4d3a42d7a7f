import type { Metadata } from "next";
import type { Byline } from "@/db/schema";
import { summaryOf } from "@/lib/content/description";
import { pageMetadata } from "./metadata";
import { issueTitle } from "./rss";
import { paths } from "./urls";

/**
 * The metadata of each public page type, kept here so that the pages' own `generateMetadata` stays
 * one line. Inputs are the rows the pages already load from db/queries/public/*.
 */

type Settings = { municipalityName: string; tagline: string } | null;
type Covered = { coverId: string | null; coverAlt: string | null };

const authorNames = (bylines: readonly Byline[]) => [...new Set(bylines.map((b) => b.name).filter(Boolean))];

export function homeMetadata(settings: Settings): Metadata {
  return pageMetadata({
    path: paths.home(),
    title: settings ? `${settings.municipalityName}: nyheter` : "Kommunbladet",
    description: settings?.tagline || "Nyhetsbrev och bloggar från kommunen.",
    siteName: settings?.municipalityName,
  });
}

export function archiveMetadata(settings: Settings): Metadata {
  return pageMetadata({
    path: paths.archive(),
    title: "Nyhetsbrev – alla nummer",
    description: "Alla nummer av nyhetsbrevet, år för år.",
    siteName: settings?.municipalityName,
  });
}

export function accessibilityMetadata(settings: Settings): Metadata {
  return pageMetadata({
    path: paths.accessibility(),
    title: "Tillgänglighetsredogörelse",
    description: settings ? `Hur tillgänglig ${settings.municipalityName}s webbplats för nyheter är.` : undefined,
    siteName: settings?.municipalityName,
  });
}

export function issueMetadata(
  issue: {
    year: number;
    number: number;
    title: string;
    publicationName: string;
    publishedAt: Date | null;
    articles: (Covered & { title: string; byline: Byline[] })[];
  },
  settings: Settings,
): Metadata {
  const withCover = issue.articles.find((article) => article.coverId);
  const titles = issue.articles.map((article) => article.title);
  return pageMetadata({
    path: paths.issue(issue.year, issue.number),
    title: issueTitle(issue),
    description: titles.length > 0 ? `I det här numret: ${titles.join(", ")}.` : undefined,
    siteName: settings?.municipalityName,
    image: withCover?.coverId ? { id: withCover.coverId, alt: withCover.coverAlt } : null,
    article: { publishedTime: issue.publishedAt, authors: authorNames(issue.articles.flatMap((article) => article.byline)) },
  });
}

export function blogsMetadata(settings: Settings): Metadata {
  return pageMetadata({
    path: paths.blogs(),
    title: "Bloggar",
    description: settings ? `Alla bloggar från ${settings.municipalityName}.` : "Alla bloggar från kommunen.",
    siteName: settings?.municipalityName,
  });
}

export function blogMetadata(blog: { slug: string; name: string; description: string }, settings: Settings): Metadata {
  return pageMetadata({
    path: paths.blog(blog.slug),
    title: blog.name,
    description: blog.description,
    siteName: settings?.municipalityName,
    feeds: [{ url: paths.blogFeed(blog.slug), title: `${blog.name} (RSS)` }],
  });
}

export function postMetadata(
  post: Covered & {
    slug: string;
    blogSlug: string;
    blogName: string;
    title: string;
    lead: string;
    description: string | null;
    byline: Byline[];
    tags: string[];
    publishedAt: Date | null;
  },
  settings: Settings,
): Metadata {
  return pageMetadata({
    path: paths.post(post.blogSlug, post.slug),
    title: `${post.title} – ${post.blogName}`,
    shareTitle: post.title,
    description: summaryOf(post),
    siteName: settings?.municipalityName,
    image: post.coverId ? { id: post.coverId, alt: post.coverAlt } : null,
    feeds: [{ url: paths.blogFeed(post.blogSlug), title: `${post.blogName} (RSS)` }],
    article: { publishedTime: post.publishedAt, authors: authorNames(post.byline), tags: post.tags },
  });
}

/** For the article page (/nyhetsbrev/<år>/<nummer>/<slug>): the same card as a post. */
export function articleMetadata(
  article: Covered & { slug: string; title: string; lead: string; description: string | null; byline: Byline[]; tags: string[]; publishedAt: Date | null },
  issue: { year: number; number: number; publicationName: string },
  settings: Settings,
): Metadata {
  return pageMetadata({
    path: paths.article(issue.year, issue.number, article.slug),
    title: `${article.title} – ${issue.publicationName}, nummer ${issue.number} ${issue.year}`,
    shareTitle: article.title,
    description: summaryOf(article),
    siteName: settings?.municipalityName,
    image: article.coverId ? { id: article.coverId, alt: article.coverAlt } : null,
    article: { publishedTime: article.publishedAt, authors: authorNames(article.byline), tags: article.tags },
  });
}
