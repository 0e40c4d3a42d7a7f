import Link from "next/link";

/** The path of a tag page; tags are free text (å, ä, ö, spaces), so they are encoded. */
export function tagPath(tag: string): string {
  return `/amne/${encodeURIComponent(tag)}`;
}

/** A text's tags as links to their tag pages; a labelled list, so a screen reader says what they are. */
export function TagLinks({ tags, className = "" }: { tags: readonly string[]; className?: string }) {
  if (tags.length === 0) return null;
  return (
    <div className={`flex flex-wrap items-baseline gap-x-2 gap-y-1 text-base ${className}`}>
      <span aria-hidden="true" className="font-semibold">
        Ämnen:
      </span>
      <ul aria-label="Ämnen" className="flex flex-wrap gap-2">
        {tags.map((tag) => (
          <li key={tag}>
            <Link className="inline-block rounded border border-brand px-2 py-0.5 text-brand underline-offset-2 hover:underline" href={tagPath(tag)}>
              {tag}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
