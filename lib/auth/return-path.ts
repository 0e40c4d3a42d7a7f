/** Where to go after logging in: only back into the staff area, never to another site. */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== "string") return "/redaktion";
  if (!/^\/redaktion(\/[\w\-./?=&%]*)?$/.test(value) || value.includes("//") || value.includes("..")) return "/redaktion";
  return value;
}
