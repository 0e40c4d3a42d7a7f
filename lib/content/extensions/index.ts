import type { Extensions, NodeConfig } from "@tiptap/core";
import { Table, TableCell, TableHeader, TableRow } from "@tiptap/extension-table";
import StarterKit from "@tiptap/starter-kit";
import { Figure } from "./figure";
import { InfoBox } from "./info-box";
import { Qa, QaAnswer, QaPair, QaQuestion } from "./question-answer";
import { Signature } from "./signature";

export { creditLine, creditName, Figure, isMediaId, isMediaWidth, MEDIA_WIDTHS, mediaSrcSet, mediaUrl, type FigureAttributes, type MediaWidth } from "./figure";
export { InfoBox } from "./info-box";
export { Qa, QaAnswer, QaPair, QaQuestion } from "./question-answer";
export { Signature } from "./signature";

/** Links may only point to the web, e-mail or a phone number: never javascript:, data: or file:. */
export const LINK_PROTOCOLS = ["http", "https", "mailto", "tel"] as const;

/** Merged cells stay possible; widths and alignment do not, so web and e-mail render the same table. */
const plainCell: Partial<NodeConfig> = {
  // One level of plain paragraphs: no lists, tables or fact boxes inside a cell.
  content: "paragraph+",
  addAttributes() {
    return { colspan: { default: 1, validate: "number" }, rowspan: { default: 1, validate: "number" } };
  },
};

const PlainTable = Table.extend({
  renderHTML({ HTMLAttributes }) {
    return ["table", HTMLAttributes, ["tbody", 0]];
  },
}).configure({ resizable: false, View: null });

/**
 * The extensions that define what a stored document may contain. The editor, the server-side
 * validator and the renderers all use this one list, so they cannot drift apart.
 */
export const contentExtensions: Extensions = [
  StarterKit.configure({
    heading: { levels: [2, 3, 4] },
    code: false,
    codeBlock: false,
    strike: false,
    underline: false,
    link: {
      openOnClick: false,
      autolink: true,
      protocols: [...LINK_PROTOCOLS],
      defaultProtocol: "https",
      // Readers stay in the same tab; a new tab surprises screen-reader and keyboard users.
      HTMLAttributes: { target: null, rel: null, class: null },
      isAllowedUri: (url, ctx) => isAllowedHref(url) && ctx.defaultValidate(url),
    },
  }),
  InfoBox,
  Signature,
  Figure,
  Qa,
  QaPair,
  QaQuestion,
  QaAnswer,
  PlainTable,
  TableRow,
  TableHeader.extend(plainCell),
  TableCell.extend(plainCell),
];

/**
 * Characters that browsers silently drop from or reinterpret in URLs (tabs and newlines vanish,
 * a backslash becomes a slash), or that hide what a link really says: "/\t/evil.example" would
 * pass a prefix check and still open another site.
 */
const DECEPTIVE_URL_CHARS = /[\u0000-\u001f\u007f-\u009f\\\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

/** True for http(s), mailto, tel and site-relative links. */
export function isAllowedHref(href: string): boolean {
  const trimmed = href.trim();
  if (trimmed === "" || DECEPTIVE_URL_CHARS.test(trimmed)) return false;
  if (trimmed.startsWith("/") && !trimmed.startsWith("//")) return true;
  if (trimmed.startsWith("#")) return true;
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed);
  if (!match) return false;
  return (LINK_PROTOCOLS as readonly string[]).includes(match[1]!.toLowerCase());
}
