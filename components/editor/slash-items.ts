import type { Editor, Range } from "@tiptap/core";
import type { ToolbarAction } from "./toolbar";

export type SlashItem = { title: string; keywords: string[]; run: (editor: Editor, range: Range, open: (action: ToolbarAction) => void) => void };

const deleteThen = (editor: Editor, range: Range) => editor.chain().focus().deleteRange(range);

/** What "/" offers, in Swedish, with the words people are likely to type to find each block. */
export const SLASH_ITEMS: SlashItem[] = [
  { title: "Rubrik 2", keywords: ["rubrik", "h2", "mellanrubrik"], run: (e, r) => deleteThen(e, r).setNode("heading", { level: 2 }).run() },
  { title: "Rubrik 3", keywords: ["rubrik", "h3"], run: (e, r) => deleteThen(e, r).setNode("heading", { level: 3 }).run() },
  { title: "Rubrik 4", keywords: ["rubrik", "h4"], run: (e, r) => deleteThen(e, r).setNode("heading", { level: 4 }).run() },
  { title: "Punktlista", keywords: ["lista", "punkter"], run: (e, r) => deleteThen(e, r).toggleBulletList().run() },
  { title: "Numrerad lista", keywords: ["lista", "nummer", "siffror"], run: (e, r) => deleteThen(e, r).toggleOrderedList().run() },
  { title: "Citat", keywords: ["citat", "quote"], run: (e, r) => deleteThen(e, r).toggleBlockquote().run() },
  { title: "Avdelare", keywords: ["linje", "avdelare", "streck"], run: (e, r) => deleteThen(e, r).setHorizontalRule().run() },
  {
    title: "Bild",
    keywords: ["bild", "foto", "image"],
    run: (e, r, open) => {
      deleteThen(e, r).run();
      open("image");
    },
  },
  {
    title: "Faktaruta",
    keywords: ["fakta", "ruta", "info", "datum"],
    run: (e, r, open) => {
      deleteThen(e, r).run();
      open("infoBox");
    },
  },
  { title: "Fråga och svar", keywords: ["intervju", "fråga", "svar"], run: (e, r) => deleteThen(e, r).insertQa().run() },
  {
    title: "Signatur",
    keywords: ["signatur", "namn", "underskrift"],
    run: (e, r, open) => {
      deleteThen(e, r).run();
      open("signature");
    },
  },
  { title: "Tabell", keywords: ["tabell", "table"], run: (e, r) => deleteThen(e, r).insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run() },
];

export function filterSlashItems(query: string): SlashItem[] {
  const q = query.trim().toLocaleLowerCase("sv-SE");
  if (!q) return SLASH_ITEMS;
  return SLASH_ITEMS.filter((item) => item.title.toLocaleLowerCase("sv-SE").includes(q) || item.keywords.some((k) => k.startsWith(q)));
}
