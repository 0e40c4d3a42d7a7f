import { eq } from "drizzle-orm";
import { users } from "../schema";
import type { Db } from "../types";
import type { CurrentUser } from "@/lib/auth/session";

/** A seeded user as the session helpers would return them. */
export async function actorByEmail(db: Db, email: string): Promise<CurrentUser> {
  const [user] = await db.select().from(users).where(eq(users.email, email));
  if (!user) throw new Error(`No user ${email}`);
  return { id: user.id, name: user.name, email: user.email, jobTitle: user.jobTitle, role: user.role, active: true };
}
