import { eq } from "drizzle-orm";
import { publications, users } from "../schema";
import type { Db } from "../types";
import type { CurrentUser } from "@/lib/auth/session";
import { loadText } from "@/lib/editorial/load-text";
import { transitionItem } from "@/lib/workflow/services/item-workflow";

/** A seeded user as the session helpers would return them. */
export async function actorByEmail(db: Db, email: string): Promise<CurrentUser> {
  const [user] = await db.select().from(users).where(eq(users.email, email));
  if (!user) throw new Error(`No user ${email}`);
  return { id: user.id, name: user.name, email: user.email, jobTitle: user.jobTitle, role: user.role, active: true };
}

/**
 * A fresh database with the demo seeded, its four demo users as actors and the blog's and the newsletter's ids: what most
 * integration tests of the editorial flow start from.
 */
export async function seededDemo(db: Db) {
  const { seedDemo } = await import("@/lib/demo/demo");
  await seedDemo(db);
  const [skribent, redaktor, utgivare, admin] = await Promise.all(["skribent", "redaktor", "utgivare", "admin"].map((role) => actorByEmail(db, `${role}@exempelby.test`)));
  const [blog] = await db.select({ id: publications.id }).from(publications).where(eq(publications.slug, "kommunchefen"));
  const [newsletter] = await db.select({ id: publications.id }).from(publications).where(eq(publications.slug, "nyhetsbrev"));
  return { skribent: skribent!, redaktor: redaktor!, utgivare: utgivare!, admin: admin!, blogId: blog!.id, newsletterId: newsletter!.id };
}

/** One workflow step on a text, naming the revision it has now (as the workflow panel does). */
export async function textStep(db: Db, id: string, actor: CurrentUser, action: Parameters<typeof transitionItem>[2]["action"], extra: Record<string, string> = {}) {
  const { current } = await loadText(db, id);
  return transitionItem(db, actor, { id, action, revisionId: current.id, ...extra });
}
