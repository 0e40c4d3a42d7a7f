import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { AppError } from "@/lib/errors";
import { can, type Role } from "@/lib/permissions";
import { auth } from "./config";
import { sessionUser } from "./sessions";

export type CurrentUser = { id: string; name: string; email: string; jobTitle: string; role: Role; active: true };

/**
 * The logged-in user as the database has them now, not as the session cookie remembers them: a
 * deactivated user, a changed role or an ended session ("Logga ut", a new password) takes effect at
 * the next request, not when the cookie expires (lib/auth/sessions.ts).
 */
export const getUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  return sessionUser(await getDb(), { userId, sessionId: session.sessionId, sessionVersion: session.sessionVersion });
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
  if (!can(user, "staff.access")) throw new AppError("FORBIDDEN", "Du har inte behörighet till redaktionen.");
  return user;
}
