import { z } from "zod";
import { DESCRIPTION_MAX_LENGTH } from "@/lib/content/description";
import { SLUG_PATTERN } from "@/lib/content/slug";

/** What the editor sends on every save. The body is checked separately against the content schema. */
export const textContentSchema = z.object({
  title: z.string().trim().max(200, "Rubriken får vara högst 200 tecken."),
  lead: z.string().trim().max(1000, "Ingressen får vara högst 1 000 tecken."),
  /**
   * Blank means none (the lead stands in). Left out, the stored one is kept: an editor tab opened
   * before the field existed must not erase a description someone has written since.
   */
  description: z.string().trim().max(DESCRIPTION_MAX_LENGTH, `Beskrivningen får vara högst ${DESCRIPTION_MAX_LENGTH} tecken.`).nullable().optional(),
  slug: z
    .string()
    .trim()
    .min(1, "Adressen får inte vara tom.")
    .max(80, "Adressen får vara högst 80 tecken.")
    .regex(SLUG_PATTERN, "Adressen får bara innehålla a–z, siffror och bindestreck."),
  tags: z.array(z.string().trim().toLowerCase().min(1).max(40)).max(20, "Högst 20 taggar.").default([]),
  coverMediaId: z.uuid().nullable().default(null),
  body: z.unknown(),
});

export const saveTextSchema = textContentSchema.extend({
  id: z.uuid(),
  /** The version the editor's content was based on; a mismatch means someone else saved in between. */
  baseVersion: z.number().int().min(1),
});

export type SaveTextInput = z.input<typeof saveTextSchema>;
