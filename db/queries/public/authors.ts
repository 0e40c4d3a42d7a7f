import { and, asc, eq, sql } from "drizzle-orm";
import { authorSlugRedirects, contentItems, newsletterIssues, revisions, users } from "@/db/schema";
import type { Db, DbOrTx } from "@/db/types";
import { textAndIssueAreLive } from "./live";

/**
 * Staff who sign at least one live text: the people an author page may exist for. Name and job
 * title only — never an e-mail address. Guest writers (bylines without an account) have no page.
 */
export async function getBylineAuthors(db: Db) {
  const signs = db
    .select({ one: sql`1` })
    .from(contentItems)
    .innerJoin(revisions, eq(revisions.id, contentItems.publishedRevisionId))
    .leftJoin(newsletterIssues, eq(newsletterIssues.id, contentItems.issueId))
    .where(and(textAndIssueAreLive, sql`${revisions.byline} @> jsonb_build_array(jsonb_build_object('userId', ${users.id}::text))`));
  return db
    .select({ id: users.id, name: users.name, jobTitle: users.jobTitle })
    .from(users)
    .where(sql`exists (${signs})`)
    .orderBy(asc(users.name), asc(users.id));
}

/**
 * What the author-page slugs are made of: every account (with its stored slug, users.slug, issue 14)
 * and every earlier slug that redirects. lib/users/author-slugs folds them into each account's slug.
 */
export async function getAuthorSlugSources(db: DbOrTx) {
  const [accounts, earlier] = await Promise.all([
    db.select({ id: users.id, name: users.name, createdAt: users.createdAt, slug: users.slug }).from(users),
    db.select({ slug: authorSlugRedirects.slug }).from(authorSlugRedirects),
  ]);
  return { accounts, earlierSlugs: earlier.map((row) => row.slug) };
}

/** The account whose earlier page address was `slug` (renamed since), or null. */
export async function getAuthorSlugRedirect(db: DbOrTx, slug: string): Promise<string | null> {
  const [row] = await db.select({ userId: authorSlugRedirects.userId }).from(authorSlugRedirects).where(eq(authorSlugRedirects.slug, slug)).limit(1);
  return row?.userId ?? null;
}
