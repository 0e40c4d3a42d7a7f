import { and, eq, isNull, ne } from "drizzle-orm";
import { authorSlugRedirects, users } from "@/db/schema";
import { getAuthorSlugRedirect, getAuthorSlugSources, getBylineAuthors } from "@/db/queries/public/authors";
import type { Db, DbOrTx } from "@/db/types";
import { assignAuthorSlugs } from "@/lib/content/author-slug";
import { slugFromTitle, uniqueSlug } from "@/lib/content/slug";

/** Slugs no new address may take: every account's current one and every earlier one that redirects. */
async function takenSlugs(db: DbOrTx, except?: string): Promise<Set<string>> {
  const [current, earlier] = await Promise.all([
    db
      .select({ slug: users.slug })
      .from(users)
      .where(except ? ne(users.id, except) : undefined),
    db.select({ slug: authorSlugRedirects.slug, userId: authorSlugRedirects.userId }).from(authorSlugRedirects),
  ]);
  const taken = new Set<string>();
  for (const row of current) if (row.slug) taken.add(row.slug);
  // A person's own earlier address stays theirs: renamed back, they get it again.
  for (const row of earlier) if (row.userId !== except) taken.add(row.slug);
  return taken;
}

/** The author-page slug for a new account named `name`. */
export async function slugForNewAccount(db: DbOrTx, name: string): Promise<string> {
  return uniqueSlug(slugFromTitle(name), await takenSlugs(db));
}

/**
 * A renamed account's new address. The old one is kept as a redirect, so links to the old page
 * (in mail, in search engines) still arrive. Call it inside the transaction that changes the name.
 */
export async function moveAuthorSlug(tx: DbOrTx, user: { id: string; slug: string | null }, newName: string, now = new Date()): Promise<string> {
  const wanted = slugFromTitle(newName);
  if (user.slug && (user.slug === wanted || user.slug.replace(/-\d+$/, "") === wanted)) return user.slug;
  const slug = uniqueSlug(wanted, await takenSlugs(tx, user.id));
  await tx.delete(authorSlugRedirects).where(and(eq(authorSlugRedirects.slug, slug), eq(authorSlugRedirects.userId, user.id)));
  if (user.slug) await tx.insert(authorSlugRedirects).values({ slug: user.slug, userId: user.id, createdAt: now }).onConflictDoNothing();
  await tx.update(users).set({ slug }).where(eq(users.id, user.id));
  return slug;
}

/**
 * Gives every account without a stored slug the one the computed rule gives it today, so that no
 * author page moves when slugs start being stored. Run at start-up; does nothing once all have one.
 */
export async function backfillAuthorSlugs(db: DbOrTx): Promise<number> {
  const missing = await db.select({ id: users.id }).from(users).where(isNull(users.slug)).limit(1);
  if (missing.length === 0) return 0;
  const [accounts, earlier] = await Promise.all([
    db.select({ id: users.id, name: users.name, createdAt: users.createdAt, slug: users.slug }).from(users),
    db.select({ slug: authorSlugRedirects.slug }).from(authorSlugRedirects),
  ]);
  const slugs = assignAuthorSlugs(
    accounts,
    earlier.map((row) => row.slug),
  );
  let filled = 0;
  for (const account of accounts) {
    if (account.slug) continue;
    await db
      .update(users)
      .set({ slug: slugs.get(account.id)! })
      .where(and(eq(users.id, account.id), isNull(users.slug)));
    filled++;
  }
  return filled;
}

/**
 * Every staff member's author-page slug by user id: the stored one (users.slug, issue 14), which moves
 * only when the name does. An account not yet backfilled gets the slug the old computed rule gives
 * it (lib/content/author-slug.ts), so the address is the same before and after the backfill.
 */
export async function getAuthorSlugs(db: DbOrTx): Promise<Map<string, string>> {
  const { accounts, earlierSlugs } = await getAuthorSlugSources(db);
  return assignAuthorSlugs(accounts, earlierSlugs);
}

/** The byline author whose page is /skribent/<slug>, or null: no such slug, or nothing live signed. */
export async function getBylineAuthorBySlug(db: Db, slug: string) {
  const slugs = await getAuthorSlugs(db);
  const id = [...slugs].find(([, candidate]) => candidate === slug)?.[0];
  if (!id) return null;
  return (await getBylineAuthors(db)).find((author) => author.id === id) ?? null;
}

/** The current slug of the author whose earlier page address was `slug` (renamed), or null. */
export async function getRenamedAuthorSlug(db: Db, slug: string): Promise<string | null> {
  const userId = await getAuthorSlugRedirect(db, slug);
  if (!userId) return null;
  return (await getAuthorSlugs(db)).get(userId) ?? null;
}
