import Link from "next/link";
import type { Byline } from "@/db/schema";

/**
 * Links to the author pages of a text's staff authors. Guest writers (no account) have no page, so
 * they are not linked; the signature in the text still names them. `slugs` (getAuthorSlugs) holds
 * each account's page address, which the name alone cannot give when two officials share it.
 */
export function AuthorLinks({ byline, slugs }: { byline: readonly Byline[]; slugs: ReadonlyMap<string, string> }) {
  const staff = byline.flatMap((author) => {
    const slug = author.userId ? slugs.get(author.userId) : undefined;
    return slug ? [{ ...author, slug }] : [];
  });
  if (staff.length === 0) return null;
  return (
    <p className="text-base">
      <span className="font-semibold">Fler texter av </span>
      {staff.map((author, index) => (
        <span key={author.userId}>
          {index > 0 ? (index === staff.length - 1 ? " och " : ", ") : null}
          <Link className="text-brand underline underline-offset-2" href={`/skribent/${author.slug}`}>
            {author.name}
          </Link>
        </span>
      ))}
    </p>
  );
}
