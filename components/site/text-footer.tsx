import type { Byline } from "@/db/schema";
import { AuthorLinks } from "./author-links";
import { TagLinks } from "./tag-links";

/** Under a post or an article: its subjects and its authors' pages, and whatever leads on from it. */
export function TextFooter({
  tags,
  byline,
  authorSlugs,
  children,
}: {
  tags: readonly string[];
  byline: readonly Byline[];
  authorSlugs: ReadonlyMap<string, string>;
  children?: React.ReactNode;
}) {
  return (
    <div className="mx-auto max-w-3xl space-y-4 border-t border-gray-300 pt-6">
      <TagLinks tags={tags} />
      <AuthorLinks byline={byline} slugs={authorSlugs} />
      {children}
    </div>
  );
}
