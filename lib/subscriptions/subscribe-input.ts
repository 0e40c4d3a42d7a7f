import { z } from "zod";
import { MAX_EMAIL_INPUT } from "./email";
import type { SubscribeErrorCode } from "./messages";

/** Carries the typed address back to the form after an error, so it never appears in a URL. */
export const TYPED_EMAIL_COOKIE = "kb_prenumerera_epost";

/**
 * The subscribe form's fields. Sizes are capped here, before anything normalises or hashes them: a
 * 10 kB "address" stops at this schema. The address's own rules are checkEmail's (lib/subscriptions/email).
 */
export const subscribeFormSchema = z.object({
  email: z.string().max(MAX_EMAIL_INPUT),
  publicationIds: z.array(z.uuid()).max(50),
  /** The short forms carry no ids (they are cached for everyone): "nyhetsbrev" means the newsletter. */
  standard: z.literal("nyhetsbrev").optional(),
});

export type SubscribeForm = z.output<typeof subscribeFormSchema>;

/** The form's fields, or the code of what is wrong with them. */
export function readSubscribeForm(form: FormData): { ok: true; data: SubscribeForm } | { ok: false; code: SubscribeErrorCode; email: string } {
  const email = form.get("email");
  const parsed = subscribeFormSchema.safeParse({
    email: typeof email === "string" ? email : "",
    publicationIds: form.getAll("publikation").filter((value) => typeof value === "string"),
    standard: form.get("standard") ?? undefined,
  });
  if (parsed.success) return { ok: true, data: parsed.data };
  const onEmail = parsed.error.issues.some((issue) => issue.path[0] === "email");
  return { ok: false, code: onEmail ? "too_long" : "publication", email: typeof email === "string" ? email : "" };
}
