import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { bylineText } from "@/components/content/byline";
import { RichText } from "@/components/content/rich-text";
import { getPost } from "@/db/queries/public";
import { readerDb } from "@/db/reader";
import { formatDate, isoDate } from "@/lib/format";

type Props = { params: Promise<{ blog: string; slug: string }> };

async function load(params: Props["params"]) {
  const { blog, slug } = await params;
  const post = await getPost(await readerDb(), blog.slice(0, 100), slug.slice(0, 200));
  if (!post) notFound();
  return post;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const post = await load(params);
  return { title: `${post.title} – ${post.blogName}`, description: post.lead || undefined };
}

export default async function PostPage({ params }: Props) {
  const post = await load(params);
  return (
    <article className="mx-auto max-w-3xl">
      <p className="text-sm font-semibold uppercase tracking-wide text-accent">
        <Link className="underline-offset-4 hover:underline" href={`/blogg/${post.blogSlug}`}>
          {post.blogName}
        </Link>
      </p>
      <h1 className="mt-1 text-4xl font-bold leading-tight">{post.title}</h1>
      <p className="mt-2 text-muted">
        {post.publishedAt ? <time dateTime={isoDate(post.publishedAt)}>{formatDate(post.publishedAt)}</time> : null}
        {post.byline.length > 0 ? ` · ${bylineText(post.byline)}` : ""}
      </p>
      {post.lead ? <p className="mt-4 text-xl font-medium leading-relaxed">{post.lead}</p> : null}
      <RichText content={post.body} className="mt-6" />
    </article>
  );
}
