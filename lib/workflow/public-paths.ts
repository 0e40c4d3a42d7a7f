/**
 * The public pages a publication or withdrawal changes: the text's own page, the lists it appears
 * in, the front page, and the feeds and sitemap that list it. Issue 6's caching relies on this list.
 */
export function affectedPublicPaths(target: { kind: "post"; blogSlug: string; slug: string } | { kind: "issue"; year: number; number: number }): string[] {
  const common = ["/", "/sitemap.xml", "/sok", "/kalender"];
  if (target.kind === "post") {
    return [...common, `/blogg/${target.blogSlug}`, `/blogg/${target.blogSlug}/${target.slug}`, `/blogg/${target.blogSlug}/feed.xml`];
  }
  return [...common, "/nyhetsbrev", `/nyhetsbrev/${target.year}/${target.number}`, "/nyhetsbrev/feed.xml"];
}
