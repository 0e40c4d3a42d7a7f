import type { Extensions } from "@tiptap/core";
import { Placeholder } from "@tiptap/extensions";
import { contentExtensions } from "@/lib/content/extensions";

/** The shared content schema plus editor-only behaviour (never anything that changes stored JSON). */
export const editorExtensions: Extensions = [
  ...contentExtensions,
  Placeholder.configure({ placeholder: "Skriv din text här … Skriv / i början av en rad för att infoga ett block." }),
];
