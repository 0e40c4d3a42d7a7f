import "server-only";
import { requireActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/permissions";

/** Every action and route under Prenumeranter checks this itself; the page hiding a button is not enough. */
export async function requireSubscriberManager() {
  const actor = await requireActor();
  if (!can(actor, "subscribers.manage")) throw new AppError("FORBIDDEN", "Du får inte hantera prenumeranter.");
  return actor;
}
