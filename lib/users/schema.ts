import { z } from "zod";
import { ROLES } from "@/lib/permissions";

const name = z.string().trim().min(2, "Skriv personens namn.").max(120, "Högst 120 tecken.");
const jobTitle = z.string().trim().max(120, "Högst 120 tecken.");
const role = z.enum(ROLES, "Välj en roll.");

export const inviteSchema = z.object({
  name,
  email: z.string().trim().toLowerCase().max(254, "Högst 254 tecken.").pipe(z.email("Skriv en e-postadress, till exempel namn@kommun.se.")),
  jobTitle,
  role,
});

export const updateUserSchema = z.object({ id: z.uuid("Ogiltig användare."), name, jobTitle, role });

export const userIdSchema = z.object({ id: z.uuid("Ogiltig användare.") });

export type InviteInput = z.input<typeof inviteSchema>;
export type UpdateUserInput = z.input<typeof updateUserSchema>;
