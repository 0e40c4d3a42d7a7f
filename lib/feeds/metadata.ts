import type { Metadata } from "next";
import { paths, shareImageUrl } from "./urls";

const DEFAULT_SITE_NAME = "Kommunbladet";

type FeedLink = { url: string; title: string };

/** The site-wide feeds, linked from every public page (`<link rel="alternate">`). */
export function siteFeedLinks(): FeedLink[] {
  return [
    { url: paths.feed(), title: "Alla nyheter och blogginlägg (RSS)" },
    { url: paths.newsletterFeed(), title: "Nyhetsbrevet (RSS)" },
  ];
}

export type ShareImage = { id: string; alt: string | null };

export type PageMetadataInput = {
  /** The page's own path: its canonical URL, resolved against metadataBase (PUBLIC_URL). */
  path: string;
  title: string;
  /** Overrides `title` for Open Graph and Twitter (the page's <title> may carry a suffix). */
  shareTitle?: string;
  description?: string | null;
  siteName?: string | null;
  image?: ShareImage | null;
  /** Adds feeds of this page (a blog's own feed) to the site-wide ones. */
  feeds?: FeedLink[];
  article?: { publishedTime: Date | null; modifiedTime?: Date | null; authors?: string[]; tags?: string[] };
};

/**
 * Canonical URL, Open Graph and Twitter card of a public page. Next merges metadata shallowly: a page
 * that sets `alternates` replaces the layout's, so the feed links are repeated here.
 */
export function pageMetadata(input: PageMetadataInput): Metadata {
  const description = input.description || undefined;
  const shareTitle = input.shareTitle ?? input.title;
  const images = input.image ? [{ url: shareImageUrl(input.image.id), width: 1600, alt: input.image.alt ?? "" }] : undefined;
  const common = {
    title: shareTitle,
    description,
    url: input.path,
    siteName: input.siteName || DEFAULT_SITE_NAME,
    locale: "sv_SE",
    images,
  };
  return {
    title: input.title,
    description,
    alternates: {
      canonical: input.path,
      types: { "application/rss+xml": [...siteFeedLinks(), ...(input.feeds ?? [])] },
    },
    openGraph: input.article
      ? {
          ...common,
          type: "article",
          publishedTime: input.article.publishedTime?.toISOString(),
          modifiedTime: input.article.modifiedTime?.toISOString(),
          authors: input.article.authors,
          tags: input.article.tags,
        }
      : { ...common, type: "website" },
    twitter: {
      card: images ? "summary_large_image" : "summary",
      title: shareTitle,
      description,
      images: images?.map((image) => ({ url: image.url, alt: image.alt })),
    },
  };
}
