import { and, asc, eq } from "drizzle-orm";
import { contentItems, itemAuthors, users } from "@/db/schema";
import type { DbOrTx } from "@/db/types";

/** Addresses compared case-insensitively; the first spelling seen is kept. */
function unique(addresses: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const address of addresses) {
    const key = address.trim().toLowerCase();
    if (key && !seen.has(key)) seen.set(key, address.trim());
  }
  return [...seen.values()];
}

/** Everyone who may approve, with their ids (each gets an approval link of their own): active utgivare. */
export async function utgivareReviewers(db: DbOrTx): Promise<{ id: string; email: string }[]> {
  const rows = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(eq(users.role, "utgivare"), eq(users.active, true)))
    .orderBy(asc(users.email));
  const kept = new Set(unique(rows.map((r) => r.email)));
  return rows.filter((r) => kept.delete(r.email.trim()));
}

/** Their addresses. */
export async function utgivareRecipients(db: DbOrTx): Promise<string[]> {
  return (await utgivareReviewers(db)).map((r) => r.email.trim());
}

/** The writers of a text: its active authors and whoever created it, each once. */
export async function writerRecipients(db: DbOrTx, itemId: string): Promise<string[]> {
  const [authors, creators] = await Promise.all([
    db
      .select({ email: users.email })
      .from(itemAuthors)
      .innerJoin(users, eq(users.id, itemAuthors.userId))
      .where(and(eq(itemAuthors.itemId, itemId), eq(users.active, true)))
      .orderBy(asc(users.email)),
    db
      .select({ email: users.email })
      .from(contentItems)
      .innerJoin(users, eq(users.id, contentItems.createdBy))
      .where(and(eq(contentItems.id, itemId), eq(users.active, true))),
  ]);
  return unique([...authors, ...creators].map((r) => r.email));
}
