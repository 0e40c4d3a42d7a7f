import Link from "next/link";
import type { Byline } from "@/db/schema";
import { bylineText } from "@/lib/format";
import { formatDate, isoDate } from "@/lib/format";

type Post = { slug: string; blogSlug: string; title: string; lead: string; byline: Byline[]; publishedAt: Date | null };

export function PostCard({ post, headingLevel = 3 }: { post: Post; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="py-4">
      <Heading className="text-xl font-bold">
        <Link className="text-brand underline-offset-4 hover:underline" href={`/blogg/${post.blogSlug}/${post.slug}`}>
          {post.title}
        </Link>
      </Heading>
      <p className="text-sm text-muted">
        {post.publishedAt ? <time dateTime={isoDate(post.publishedAt)}>{formatDate(post.publishedAt)}</time> : null}
        {post.byline.length > 0 ? ` · ${bylineText(post.byline)}` : ""}
      </p>
      {post.lead ? <p className="mt-1">{post.lead}</p> : null}
    </article>
  );
}
