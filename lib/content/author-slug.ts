import { MAX_SLUG_LENGTH, slugFromTitle, uniqueSlug } from "./slug";

/** An author slug is a name's slug, and "-2", "-3" … when an earlier account has the same name. */
export const MAX_AUTHOR_SLUG_LENGTH = MAX_SLUG_LENGTH + 6;

type Account = { id: string; name: string; createdAt: Date; slug?: string | null };

/**
 * The address of each staff member's author page, /skribent/<slug>. Two officials may well share a
 * name, and a page that mixed their texts would put one person's words under another's name. The
 * older account keeps the plain slug; later ones get "-2", "-3" … in the order the accounts were
 * made. Accounts are never deleted (only made inactive) and new ones sort last, so adding an account
 * never moves anyone's page.
 *
 * Since issue 14 the slug is stored per account (users.slug) and changes only with the name, the old
 * one redirecting. An account with a stored slug keeps it; one without (before the start-up backfill)
 * gets the slug this rule gave it before slugs were stored, avoiding the stored ones and `reserved`
 * (earlier addresses that redirect). With nothing stored, the result is the rule as it always was.
 */
export function assignAuthorSlugs(accounts: readonly Account[], reserved: Iterable<string> = []): Map<string, string> {
  const ordered = [...accounts].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const taken = new Set<string>(reserved);
  const slugs = new Map<string, string>();
  for (const account of ordered) {
    if (account.slug) {
      taken.add(account.slug);
      slugs.set(account.id, account.slug);
    }
  }
  for (const account of ordered) {
    if (account.slug) continue;
    const slug = uniqueSlug(slugFromTitle(account.name), taken);
    taken.add(slug);
    slugs.set(account.id, slug);
  }
  return slugs;
}
