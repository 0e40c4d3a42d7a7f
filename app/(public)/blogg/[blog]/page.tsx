import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PostCard } from "@/components/site/post-card";
import { getBlog, getPostsOfBlog } from "@/db/queries/public/blogs";
import { getSiteSettings } from "@/db/queries/settings";
import { getDb } from "@/db/client";
import { blogMetadata } from "@/lib/feeds/page-metadata";
import { isPlainSegment } from "@/lib/http/route-params";

// Cached and revalidated on publish (lib/workflow/revalidate.ts); at most a minute stale elsewhere.
export const revalidate = 60;
// No page is rendered at build time (the build has no real database): each is rendered on its
// first request and then cached.
export async function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ blog: string }> };

async function load(params: Props["params"]) {
  const { blog: slug } = await params;
  if (!isPlainSegment(slug, 100)) notFound();
  const blog = await getBlog(await getDb(), slug);
  if (!blog) notFound();
  return blog;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  // Feeds and metadata (issue 6): canonical, Open Graph, Twitter and the blog's own RSS link.
  return blogMetadata(await load(params), await getSiteSettings(await getDb()));
}

export default async function BlogPage({ params }: Props) {
  const blog = await load(params);
  const posts = await getPostsOfBlog(await getDb(), blog.id);
  return (
    <div>
      <h1 className="text-4xl font-bold">{blog.name}</h1>
      {blog.description ? <p className="mt-2 text-lg text-muted">{blog.description}</p> : null}
      <div className="mt-6 divide-y divide-gray-200">
        {posts.length === 0 ? <p>Inga inlägg ännu.</p> : null}
        {posts.map((post) => (
          <PostCard key={post.slug} post={{ ...post, blogSlug: blog.slug }} headingLevel={2} />
        ))}
      </div>
    </div>
  );
}
