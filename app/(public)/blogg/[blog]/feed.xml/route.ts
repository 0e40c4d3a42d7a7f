import { getBlog } from "@/db/queries/public/blogs";
import { getFeedPosts } from "@/db/queries/public/feeds";
import { getDb } from "@/db/client";
import { FEED_LIMIT, newestFirst, postEntry, renderRss, rssResponse } from "@/lib/feeds/rss";
import { paths } from "@/lib/feeds/urls";
import { isPlainSegment } from "@/lib/http/route-params";

// Cached; publishing a post revalidates /blogg/<blogg>/feed.xml (lib/workflow/public-paths.ts).
export const revalidate = 60;

// None at build (the build has no real database): each blog's feed is rendered on its first
// request and then served from the page cache like the blog page itself.
export async function generateStaticParams(): Promise<{ blog: string }[]> {
  return [];
}

/** One blog's posts. A static `feed.xml` segment wins over the `[slug]` post route beside it. */
export async function GET(_request: Request, { params }: { params: Promise<{ blog: string }> }): Promise<Response> {
  const { blog: slug } = await params;
  const db = await getDb();
  const blog = isPlainSegment(slug, 100) ? await getBlog(db, slug) : null;
  if (!blog) return new Response("Bloggen finns inte.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const posts = await getFeedPosts(db, { blogId: blog.id, limit: FEED_LIMIT });
  return rssResponse(
    renderRss({
      title: blog.name,
      description: blog.description || blog.name,
      pagePath: paths.blog(blog.slug),
      feedPath: paths.blogFeed(blog.slug),
      entries: newestFirst(posts.map(postEntry)),
    }),
  );
}
