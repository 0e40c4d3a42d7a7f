import { and, asc, desc, eq, sql } from "drizzle-orm";
import { contentItems, media, publications, revisions } from "@/db/schema";
import type { Db } from "@/db/types";
import { articleColumns, itemIsLive } from "./live";

export async function getLatestPosts(db: Db, limit = 5) {
  return db
    .select({
      slug: contentItems.slug,
      publishedAt: contentItems.publishedAt,
      title: revisions.title,
      lead: revisions.lead,
      byline: revisions.byline,
      blogSlug: publications.slug,
      blogName: publications.name,
    })
    .from(contentItems)
    .innerJoin(revisions, eq(revisions.id, contentItems.publishedRevisionId))
    .innerJoin(publications, eq(publications.id, contentItems.publicationId))
    .where(and(itemIsLive, eq(contentItems.kind, "post")))
    .orderBy(desc(contentItems.publishedAt))
    .limit(limit);
}

export async function getBlog(db: Db, slug: string) {
  const [blog] = await db
    .select({ id: publications.id, slug: publications.slug, name: publications.name, description: publications.description })
    .from(publications)
    .where(and(eq(publications.slug, slug), eq(publications.kind, "blog")))
    .limit(1);
  return blog ?? null;
}

/**
 * Every blog with its number of live posts and its newest one (null when it has none yet), the blog
 * with the newest post first: the list at /blogg.
 */
export async function getBlogs(db: Db) {
  const [blogs, counts, newest] = await Promise.all([
    db
      .select({ id: publications.id, slug: publications.slug, name: publications.name, description: publications.description })
      .from(publications)
      .where(eq(publications.kind, "blog"))
      .orderBy(asc(publications.name)),
    db
      .select({ blogId: contentItems.publicationId, posts: sql<number>`count(*)::int`.mapWith(Number) })
      .from(contentItems)
      .where(and(itemIsLive, eq(contentItems.kind, "post")))
      .groupBy(contentItems.publicationId),
    db
      .selectDistinctOn([contentItems.publicationId], {
        blogId: contentItems.publicationId,
        slug: contentItems.slug,
        title: revisions.title,
        byline: revisions.byline,
        publishedAt: contentItems.publishedAt,
      })
      .from(contentItems)
      .innerJoin(revisions, eq(revisions.id, contentItems.publishedRevisionId))
      .where(and(itemIsLive, eq(contentItems.kind, "post")))
      .orderBy(contentItems.publicationId, desc(contentItems.publishedAt), desc(contentItems.id)),
  ]);
  const postCount = new Map(counts.map((row) => [row.blogId, row.posts]));
  const latest = new Map(newest.map(({ blogId, ...post }) => [blogId, post]));
  const newestTime = (id: string) => latest.get(id)?.publishedAt?.getTime() ?? 0;
  return blogs.map((blog) => ({ ...blog, postCount: postCount.get(blog.id) ?? 0, latestPost: latest.get(blog.id) ?? null })).sort((a, b) => newestTime(b.id) - newestTime(a.id));
}

export async function getPostsOfBlog(db: Db, blogId: string) {
  return db
    .select({ slug: contentItems.slug, publishedAt: contentItems.publishedAt, title: revisions.title, lead: revisions.lead, byline: revisions.byline })
    .from(contentItems)
    .innerJoin(revisions, eq(revisions.id, contentItems.publishedRevisionId))
    .where(and(itemIsLive, eq(contentItems.publicationId, blogId), eq(contentItems.kind, "post")))
    .orderBy(desc(contentItems.publishedAt));
}

export async function getPost(db: Db, blogSlug: string, slug: string) {
  const [post] = await db
    .select({ ...articleColumns, blogSlug: publications.slug, blogName: publications.name })
    .from(contentItems)
    .innerJoin(revisions, eq(revisions.id, contentItems.publishedRevisionId))
    .leftJoin(media, eq(media.id, revisions.coverMediaId))
    .innerJoin(publications, eq(publications.id, contentItems.publicationId))
    .where(and(itemIsLive, eq(publications.slug, blogSlug), eq(contentItems.slug, slug), eq(contentItems.kind, "post")))
    .limit(1);
  return post ?? null;
}
