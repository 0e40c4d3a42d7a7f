import { z } from "zod";
import { CONFORMANCE_LEVELS } from "@/db/schema";

const text = (max: number, tooLong: string) => z.string().trim().max(max, tooLong);

/** The statement as the form sends it: every field a string; shortcomings one per line. */
export const accessibilityStatementSchema = z.object({
  scope: text(2000, "Högst 2 000 tecken.").min(1, "Skriv vad redogörelsen gäller."),
  conformance: z.enum(CONFORMANCE_LEVELS, "Välj hur väl webbplatsen uppfyller kraven."),
  shortcomings: z
    .string()
    .max(20_000, "Högst 20 000 tecken.")
    .transform((value) =>
      value
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().max(1000, "Högst 1 000 tecken per brist.")).max(100, "Högst 100 brister.")),
  disproportionateBurden: text(4000, "Högst 4 000 tecken."),
  assessmentMethod: text(4000, "Högst 4 000 tecken.").min(1, "Beskriv hur webbplatsen har granskats."),
  assessedOn: z.iso.date("Ange datumet för bedömningen, till exempel 2026-03-15."),
  contactEmail: z.string().trim().pipe(z.email("Ange en e-postadress som läsare kan skriva till.")),
  contactPhone: text(40, "Högst 40 tecken.").regex(/^[\d +\-()]*$/, "Telefonnumret får bara innehålla siffror, mellanslag, +, - och parenteser."),
  responseTime: text(300, "Högst 300 tecken."),
});

export type AccessibilityStatementInput = z.input<typeof accessibilityStatementSchema>;
