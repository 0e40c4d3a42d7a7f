import { stockholmYear } from "@/lib/dates";
import { paths } from "@/lib/feeds/urls";

/**
 * The public pages a publication or withdrawal changes: the text's own page, the lists it appears
 * in, the front page, and the feeds and sitemap that list it. Issue 6's caching relies on this list.
 */
export function affectedPublicPaths(
  target: { kind: "post"; blogSlug: string; slug: string; publishedAt: Date | null } | { kind: "issue"; year: number; number: number },
): string[] {
  const common = ["/", paths.sitemap(), paths.sitemapPages(), "/sok", "/kalender"];
  if (target.kind === "post") {
    // A post's sitemap file is its year of publication, Stockholm time (lib/feeds/sitemap.ts).
    const year = target.publishedAt ? [paths.sitemapYear(stockholmYear(target.publishedAt))] : [];
    return [...common, ...year, paths.blogs(), `/blogg/${target.blogSlug}`, `/blogg/${target.blogSlug}/${target.slug}`, `/blogg/${target.blogSlug}/feed.xml`];
  }
  return [...common, paths.sitemapYear(target.year), "/nyhetsbrev", `/nyhetsbrev/${target.year}/${target.number}`, "/nyhetsbrev/feed.xml"];
}
