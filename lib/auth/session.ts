import "server-only";
import { eq } from "drizzle-orm";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/permissions";
import { auth } from "./config";

export type CurrentUser = { id: string; name: string; email: string; jobTitle: string; role: Role; active: true };

/**
 * The logged-in user as the database has them now, not as the session cookie remembers them: a
 * deactivated user or a changed role takes effect at the next request, not when the cookie expires.
 */
export const getUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  if (!user || !user.active) return null;
  return { id: user.id, name: user.name, email: user.email, jobTitle: user.jobTitle, role: user.role, active: true };
});

/** For pages and layouts: sends anyone not logged in to the log-in page. */
export async function requireUser(returnTo = "/redaktion"): Promise<CurrentUser> {
  const user = await getUser();
  if (!user) redirect(`/logga-in?till=${encodeURIComponent(returnTo)}`);
  return user;
}

/** For server actions and route handlers: an expected failure, not a redirect. */
export async function requireActor(): Promise<CurrentUser> {
  const user = await getUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Du är inte inloggad. Logga in och försök igen.");
  return user;
}
