import slugify from "@sindresorhus/slugify";

export const MAX_SLUG_LENGTH = 80;

/** What an address segment may be: a–z, digits, single hyphens between them. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** "Världens bästa vardag" → "varldens-basta-vardag" (Swedish rules: å ä → a, ö → o, not ae/oe). */
export function slugFromTitle(title: string): string {
  const slug = slugify(title, { locale: "sv" }).slice(0, MAX_SLUG_LENGTH).replace(/-+$/, "");
  return slug || "text";
}

/** The first of slug, slug-2, slug-3 … that is not taken. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
