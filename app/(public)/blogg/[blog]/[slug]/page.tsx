import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleView } from "@/components/content/article-view";
import { TextFooter } from "@/components/site/text-footer";
import { coverOf } from "@/components/content/cover-image";
import { getAuthorSlugs } from "@/lib/users/author-slugs";
import { getCorrections } from "@/db/queries/public/corrections";
import { getPost } from "@/db/queries/public/blogs";
import { getSiteSettings } from "@/db/queries/settings";
import { getDb } from "@/db/client";
import { postMetadata } from "@/lib/feeds/page-metadata";
import { isPlainSegment, isTextSlug } from "@/lib/http/route-params";

// Cached and revalidated on publish (lib/workflow/revalidate.ts); at most a minute stale elsewhere.
export const revalidate = 60;
// No page is rendered at build time (the build has no real database): each is rendered on its
// first request and then cached.
export async function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ blog: string; slug: string }> };

async function load(params: Props["params"]) {
  const { blog, slug } = await params;
  if (!isPlainSegment(blog, 100) || !isTextSlug(slug)) notFound();
  const post = await getPost(await getDb(), blog, slug);
  if (!post) notFound();
  return post;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const post = await load(params);
  // Feeds and metadata (issue 6): canonical, Open Graph article with cover, Twitter, the blog's RSS link.
  return postMetadata(post, await getSiteSettings(await getDb()));
}

export default async function PostPage({ params }: Props) {
  const post = await load(params);
  // Rättelser: corrections published after the post went out.
  const db = await getDb();
  const [corrections, authorSlugs] = await Promise.all([getCorrections(db, [post.id]).then((all) => all.get(post.id)), getAuthorSlugs(db)]);
  return (
    <>
      <ArticleView
        kicker={
          <Link className="underline-offset-4 hover:underline" href={`/blogg/${post.blogSlug}`}>
            {post.blogName}
          </Link>
        }
        title={post.title}
        lead={post.lead}
        body={post.body}
        byline={post.byline}
        publishedAt={post.publishedAt}
        cover={coverOf(post)}
        corrections={corrections}
      />
      <TextFooter tags={post.tags} byline={post.byline} authorSlugs={authorSlugs} />
    </>
  );
}
