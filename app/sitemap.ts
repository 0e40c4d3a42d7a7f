import type { MetadataRoute } from "next";
import { getSitemapEntries } from "@/db/queries/public";
import { readerDb } from "@/db/reader";
import { absoluteUrl, paths } from "@/lib/feeds/urls";

// Cached; publishing revalidates /sitemap.xml (lib/workflow/public-paths.ts).
export const revalidate = 60;

function latest(dates: readonly (Date | null | undefined)[]): Date | undefined {
  const times = dates.filter((d): d is Date => d instanceof Date).map((d) => d.getTime());
  return times.length > 0 ? new Date(Math.max(...times)) : undefined;
}

/** Every live public page, from the published-only queries: a draft never gets an address here. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const { issues, articles, posts, blogs } = await getSitemapEntries(await readerDb());
  // An issue changes when any of its articles does (a corrected article republished later).
  const issueModified = new Map<string, Date | undefined>(issues.map((i) => [`${i.year}/${i.number}`, i.publishedAt ?? undefined]));
  for (const article of articles) {
    const key = `${article.year}/${article.number}`;
    if (issueModified.has(key)) issueModified.set(key, latest([issueModified.get(key), article.modifiedAt]));
  }
  const newest = latest([...issueModified.values(), ...posts.map((p) => p.modifiedAt)]);
  const entry = (path: string, lastModified?: Date): MetadataRoute.Sitemap[number] => ({ url: absoluteUrl(path), lastModified });

  return [
    entry(paths.home(), newest),
    entry(paths.archive(), latest([...issueModified.values()])),
    ...issues.map((issue) => entry(paths.issue(issue.year, issue.number), issueModified.get(`${issue.year}/${issue.number}`))),
    ...articles.map((article) => entry(paths.article(article.year, article.number, article.slug), article.modifiedAt)),
    ...blogs.map((blog) => entry(paths.blog(blog.slug), latest(posts.filter((p) => p.blogSlug === blog.slug).map((p) => p.modifiedAt)))),
    ...posts.map((post) => entry(paths.post(post.blogSlug, post.slug), post.modifiedAt)),
    entry(paths.calendar()),
    entry(paths.accessibility()),
  ];
}
