import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { TextList } from "@/components/site/text-list";
import { getBylineAuthorBySlug, getRenamedAuthorSlug } from "@/lib/users/author-slugs";
import { getTextsByAuthor } from "@/db/queries/public/texts";
import { getDb } from "@/db/client";
import { MAX_AUTHOR_SLUG_LENGTH } from "@/lib/content/author-slug";

// Cached and revalidated on publish (lib/workflow/revalidate.ts); at most a minute stale elsewhere.
export const revalidate = 60;
// No page is rendered at build time (the build has no real database): each is rendered on its
// first request and then cached.
export async function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ author: string }> };

async function load(params: Props["params"]) {
  const { author: slug } = await params;
  // Slugs are made by assignAuthorSlugs: lower-case letters, digits and hyphens only.
  if (slug.length > MAX_AUTHOR_SLUG_LENGTH || !/^[a-z0-9-]+$/.test(slug)) notFound();
  const db = await getDb();
  const author = await getBylineAuthorBySlug(db, slug);
  if (!author) {
    // A renamed author's earlier address: links to it in old mail and search engines still arrive.
    const renamed = await getRenamedAuthorSlug(db, slug);
    if (renamed && renamed !== slug) permanentRedirect(`/skribent/${renamed}`);
    notFound();
  }
  return { slug, author, texts: await getTextsByAuthor(db, author.id) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, author } = await load(params);
  return { title: `Texter av ${author.name}`, alternates: { canonical: `/skribent/${slug}` } };
}

export default async function AuthorPage({ params }: Props) {
  const { author, texts } = await load(params);
  return (
    <div className="mx-auto max-w-3xl">
      <p className="text-sm font-semibold uppercase tracking-wide text-accent">Skribent</p>
      <h1 className="mt-1 text-4xl font-bold">{author.name}</h1>
      {author.jobTitle ? <p className="mt-1 text-xl">{author.jobTitle}</p> : null}
      <p className="mt-2 text-muted">Texter i nyhetsbrev och bloggar, de senaste först.</p>
      <div className="mt-6">
        <TextList texts={texts} />
      </div>
    </div>
  );
}
