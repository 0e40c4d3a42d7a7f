import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { tagPath } from "@/components/site/tag-links";
import { TextList } from "@/components/site/text-list";
import { getTextsByTag } from "@/db/queries/public/texts";
import { getDb } from "@/db/client";
import { isPlainSegment } from "@/lib/http/route-params";

// Cached and revalidated on publish (lib/workflow/revalidate.ts); at most a minute stale elsewhere.
export const revalidate = 60;
// No page is rendered at build time (the build has no real database): each is rendered on its
// first request and then cached.
export async function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ tag: string }> };

/** Tags are short words; anything longer is not a tag of ours and gets a 404 without a query. */
const MAX_TAG_LENGTH = 100;

function decode(segment: string): string | null {
  try {
    // Depending on how the request arrived the segment may still be percent-encoded ("samh%C3%A4llsbyggnad").
    return segment.includes("%") ? decodeURIComponent(segment) : segment;
  } catch {
    return null;
  }
}

async function load(params: Props["params"]) {
  // Tags are saved in lower case (lib/editorial/text-input.ts), so "/amne/Skola", typed or linked
  // from elsewhere, is the page of "skola"; its canonical address says so. (Not a redirect: Next 16
  // sends a redirect rendered on a cache miss with its Location header twice.)
  const tag = decode((await params).tag)
    ?.normalize("NFC")
    .toLowerCase();
  if (!tag || !isPlainSegment(tag, MAX_TAG_LENGTH)) notFound();
  const texts = await getTextsByTag(await getDb(), tag);
  // A tag no live text carries has no page: no empty pages for made-up words.
  if (texts.length === 0) notFound();
  return { tag, texts };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tag } = await load(params);
  return { title: `Ämne: ${tag}`, alternates: { canonical: tagPath(tag) } };
}

export default async function TagPage({ params }: Props) {
  const { tag, texts } = await load(params);
  return (
    <div className="mx-auto max-w-3xl">
      <p className="text-sm font-semibold uppercase tracking-wide text-accent">Ämne</p>
      <h1 className="mt-1 text-4xl font-bold">{tag}</h1>
      <p className="mt-2 text-muted">{texts.length === 1 ? "En text" : `${texts.length} texter`} i nyhetsbrev och bloggar, de senaste först.</p>
      <div className="mt-6">
        <TextList texts={texts} />
      </div>
    </div>
  );
}
