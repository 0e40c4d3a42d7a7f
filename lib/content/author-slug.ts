import { MAX_SLUG_LENGTH, slugFromTitle, uniqueSlug } from "./slug";

/** An author slug is a name's slug, and "-2", "-3" … when an earlier account has the same name. */
export const MAX_AUTHOR_SLUG_LENGTH = MAX_SLUG_LENGTH + 6;

type Account = { id: string; name: string; createdAt: Date };

/**
 * The address of each staff member's author page, /skribent/<slug>. Two officials may well share a
 * name, and a page that mixed their texts would put one person's words under another's name. The
 * older account keeps the plain slug; later ones get "-2", "-3" … in the order the accounts were
 * made. Accounts are never deleted (only made inactive) and new ones sort last, so adding an account
 * never moves anyone's page; renaming one moves only that person's.
 */
export function assignAuthorSlugs(accounts: readonly Account[]): Map<string, string> {
  const ordered = [...accounts].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const taken = new Set<string>();
  const slugs = new Map<string, string>();
  for (const account of ordered) {
    const slug = uniqueSlug(slugFromTitle(account.name), taken);
    taken.add(slug);
    slugs.set(account.id, slug);
  }
  return slugs;
}
