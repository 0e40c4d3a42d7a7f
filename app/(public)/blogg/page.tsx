import type { Metadata } from "next";
import Link from "next/link";
import { getBlogs } from "@/db/queries/public/blogs";
import { getSiteSettings } from "@/db/queries/settings";
import { getDb } from "@/db/client";
import { blogsMetadata } from "@/lib/feeds/page-metadata";
import { paths } from "@/lib/feeds/urls";
import { bylineText, formatDate, isoDate } from "@/lib/format";

// Cached and revalidated on publish (lib/workflow/revalidate.ts); at most a minute stale elsewhere.
export const revalidate = 60;

export async function generateMetadata(): Promise<Metadata> {
  return blogsMetadata(await getSiteSettings(await getDb()));
}

function postCountText(count: number): string {
  return count === 1 ? "1 inlägg" : `${count} inlägg`;
}

export default async function BlogsPage() {
  const blogs = await getBlogs(await getDb());
  return (
    <div>
      <h1 className="text-4xl font-bold">Bloggar</h1>
      <p className="mt-2 text-lg">Alla kommunens bloggar, den med det senaste inlägget först.</p>
      {blogs.length === 0 ? <p className="mt-4">Det finns inga bloggar ännu.</p> : null}
      <ul className="mt-6 divide-y divide-gray-200">
        {blogs.map((blog) => (
          <li key={blog.id} className="py-5">
            <h2 className="text-2xl font-bold">
              <Link className="text-brand underline-offset-4 hover:underline" href={paths.blog(blog.slug)}>
                {blog.name}
              </Link>
            </h2>
            {blog.description ? <p className="mt-1">{blog.description}</p> : null}
            <p className="mt-1 text-sm text-muted">{postCountText(blog.postCount)}</p>
            {blog.latestPost ? (
              <p className="mt-2">
                Senaste inlägget:{" "}
                <Link className="text-brand underline" href={paths.post(blog.slug, blog.latestPost.slug)}>
                  {blog.latestPost.title}
                </Link>
                <span className="text-muted">
                  {blog.latestPost.publishedAt ? (
                    <>
                      {" "}
                      – <time dateTime={isoDate(blog.latestPost.publishedAt)}>{formatDate(blog.latestPost.publishedAt)}</time>
                    </>
                  ) : null}
                  {blog.latestPost.byline.length > 0 ? ` · ${bylineText(blog.latestPost.byline)}` : null}
                </span>
              </p>
            ) : (
              <p className="mt-2">Inga inlägg ännu.</p>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
