import Link from "next/link";
import type { Byline } from "@/db/schema";
import { slugFromTitle } from "@/lib/content/slug";

/**
 * Links to the author pages of a text's staff authors. Guest writers (no account) have no page, so
 * they are not linked; the signature in the text still names them.
 */
export function AuthorLinks({ byline }: { byline: readonly Byline[] }) {
  const staff = byline.filter((author) => author.userId);
  if (staff.length === 0) return null;
  return (
    <p className="text-base">
      <span className="font-semibold">Fler texter av </span>
      {staff.map((author, index) => (
        <span key={author.userId}>
          {index > 0 ? (index === staff.length - 1 ? " och " : ", ") : null}
          <Link className="text-brand underline underline-offset-2" href={`/skribent/${slugFromTitle(author.name)}`}>
            {author.name}
          </Link>
        </span>
      ))}
    </p>
  );
}
