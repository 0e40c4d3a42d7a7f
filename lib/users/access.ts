import { getSiteSettings } from "@/db/queries/settings";
import type { DbOrTx } from "@/db/types";
import type { CurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/permissions";

export const NOT_USER_MANAGER = "Bara administratörer får hantera användare.";

/** Every service of this folder starts here: the role is checked on the server, whatever the page showed. */
export function assertUserManager(actor: CurrentUser): void {
  if (!can(actor, "users.manage")) throw new AppError("FORBIDDEN", NOT_USER_MANAGER);
}

/** The name a mail signs with: the municipality's, or the product's on a site not yet set up. */
export async function siteName(db: DbOrTx): Promise<string> {
  const settings = await getSiteSettings(db);
  return settings?.municipalityName ? `Kommunbladet för ${settings.municipalityName}` : "Kommunbladet";
}
