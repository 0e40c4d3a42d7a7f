import { lowerFirst } from "@/lib/format";
import type { Byline as BylineEntry } from "@/db/schema";

/** "Av Eva Exempel, informatör, och Per Prov, rektor" */
export function bylineText(byline: readonly BylineEntry[]): string {
  const names = byline.map((a) => (a.title ? `${a.name}, ${lowerFirst(a.title)}` : a.name));
  if (names.length === 0) return "";
  if (names.length === 1) return `Av ${names[0]}`;
  return `Av ${names.slice(0, -1).join("; ")} och ${names.at(-1)}`;
}
