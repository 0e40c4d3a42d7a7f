import { MAX_SLUG_LENGTH } from "@/lib/content/slug";
import { SLUG_PATTERN } from "@/lib/content/slug";

const CONTROL = /\p{Cc}/u;

/**
 * Whether a dynamic segment is worth a database lookup at all: not empty, not longer than anything
 * we store, no control character (a NUL fails a PostgreSQL query outright) and no lone surrogate.
 * scripts/start.mjs refuses such addresses before Next; this keeps the pages safe under `next start`
 * and `next dev` too.
 */
export function isPlainSegment(value: string, maxLength: number): boolean {
  return value.length > 0 && value.length <= maxLength && !CONTROL.test(value) && value.isWellFormed();
}

/** A text's slug as the editor saves it (lib/editorial/text-input.ts): a–z, digits and hyphens. */
export function isTextSlug(value: string): boolean {
  return value.length <= MAX_SLUG_LENGTH && SLUG_PATTERN.test(value);
}
