import { getSchema, type JSONContent } from "@tiptap/core";
import { Node as PMNode, type AttributeSpec } from "@tiptap/pm/model";
import { contentExtensions, isAllowedHref, isMediaId } from "./extensions";

export const schema = getSchema(contentExtensions);

/** Larger documents are refused: about 150 pages of text, far beyond any newsletter article. */
export const MAX_DOCUMENT_BYTES = 1_000_000;
export const MAX_DEPTH = 20;
export const MAX_NODES = 50_000;
export const MAX_TEXT_LENGTH = 100_000;

export type ValidationResult = { ok: true; doc: PMNode } | { ok: false; message: string };

type AttributeRule = (value: unknown) => boolean;

const text =
  (max: number): AttributeRule =>
  (value) =>
    typeof value === "string" && value.length <= max;
const int =
  (min: number, max: number): AttributeRule =>
  (value) =>
    typeof value === "number" && Number.isInteger(value) && value >= min && value <= max;
const nullable =
  (rule: AttributeRule): AttributeRule =>
  (value) =>
    value === null || rule(value);
const oneOf =
  (...allowed: unknown[]): AttributeRule =>
  (value) =>
    allowed.includes(value);

/**
 * Every attribute of every node and mark, with the values a stored document may hold. ProseMirror
 * silently drops unknown attributes and accepts any type; with this table both are refused, so what
 * is stored is exactly what was checked. A test keeps the table in step with the schema.
 */
export const ATTRIBUTE_RULES: Readonly<Record<string, Readonly<Record<string, AttributeRule>>>> = {
  // The schema's default level is 1, which the editor never produces: only the configured levels.
  heading: { level: oneOf(2, 3, 4) },
  orderedList: { start: int(0, 100_000), type: oneOf(null, "1", "a", "A", "i", "I") },
  infoBox: { title: text(200) },
  signature: { name: text(200), title: text(200) },
  figure: {
    mediaId: isMediaId,
    alt: text(1_000),
    caption: text(1_000),
    credit: text(200),
    width: nullable(int(1, 100_000)),
    height: nullable(int(1, 100_000)),
  },
  tableHeader: { colspan: int(1, 100), rowspan: int(1, 100) },
  tableCell: { colspan: int(1, 100), rowspan: int(1, 100) },
  // target, rel and class stay empty: readers stay in the tab, and styling belongs to the site.
  link: {
    href: (value) => typeof value === "string" && value.length <= 2_000 && isAllowedHref(value),
    target: oneOf(null),
    rel: oneOf(null),
    class: oneOf(null),
    title: nullable(text(500)),
  },
};

const LABELS: Record<string, string> = {
  heading: "rubriken",
  orderedList: "den numrerade listan",
  infoBox: "faktarutan",
  signature: "signaturen",
  figure: "bilden",
  tableHeader: "tabellrubriken",
  tableCell: "tabellcellen",
  link: "länken",
};

const NODE_KEYS = new Set(["type", "attrs", "content", "marks", "text"]);
const MARK_KEYS = new Set(["type", "attrs"]);
const UNREADABLE = "Texten har ett okänt format.";

class InvalidDocument extends Error {}

function fail(message: string): never {
  throw new InvalidDocument(message);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Control characters and user input in a message would confuse more than they explain. */
function printable(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f-\u009f]/g, "�").slice(0, 80);
}

/** Walks a document without recursion, so that neither depth nor size can exhaust the stack. */
class TreeCheck {
  private nodes = 0;
  private chars = 0;

  run(root: unknown): void {
    const stack: { node: unknown; depth: number }[] = [{ node: root, depth: 0 }];
    for (let frame = stack.pop(); frame; frame = stack.pop()) {
      const node = this.node(frame.node);
      const content = node.content;
      if (content === undefined) continue;
      if (!Array.isArray(content)) fail(UNREADABLE);
      if (content.length === 0) continue;
      if (frame.depth + 1 > MAX_DEPTH) fail("Texten är för djupt nästlad.");
      if (this.nodes + stack.length + content.length > MAX_NODES) fail("Texten består av för många delar.");
      for (let i = content.length - 1; i >= 0; i--) stack.push({ node: content[i], depth: frame.depth + 1 });
    }
  }

  private node(value: unknown): Record<string, unknown> {
    if (++this.nodes > MAX_NODES) fail("Texten består av för många delar.");
    if (!isRecord(value)) fail(UNREADABLE);
    for (const key of Object.keys(value)) if (!NODE_KEYS.has(key)) fail(`Texten innehåller ett okänt fält ("${printable(key)}").`);
    const { type } = value;
    if (typeof type !== "string" || !Object.hasOwn(schema.nodes, type)) {
      fail(`Texten innehåller en okänd typ av innehåll (${printable(String(type))}).`);
    }
    if (type === "text") {
      if (value.content !== undefined || value.attrs !== undefined) fail(UNREADABLE);
      if (typeof value.text !== "string" || value.text === "") fail(UNREADABLE);
      if (value.text.length > MAX_TEXT_LENGTH) fail("Ett stycke är för långt för att sparas.");
      this.string(value.text);
    } else if (value.text !== undefined) {
      fail(UNREADABLE);
    }
    this.attrs(type, schema.nodes[type]!.spec.attrs, value.attrs);
    if (value.marks !== undefined) {
      if (!Array.isArray(value.marks)) fail(UNREADABLE);
      for (const mark of value.marks as unknown[]) this.mark(mark);
    }
    return value;
  }

  private mark(value: unknown): void {
    if (!isRecord(value)) fail(UNREADABLE);
    for (const key of Object.keys(value)) if (!MARK_KEYS.has(key)) fail(`Texten innehåller ett okänt fält ("${printable(key)}").`);
    const { type } = value;
    if (typeof type !== "string" || !Object.hasOwn(schema.marks, type)) {
      fail(`Texten innehåller en okänd formatering (${printable(String(type))}).`);
    }
    this.attrs(type, schema.marks[type]!.spec.attrs, value.attrs);
  }

  /** Checks the attributes as ProseMirror will see them: given values, and defaults for the rest. */
  private attrs(type: string, specs: Readonly<Record<string, AttributeSpec>> | undefined, given: unknown): void {
    const attrs = given ?? {};
    if (!isRecord(attrs)) fail(UNREADABLE);
    const rules = ATTRIBUTE_RULES[type] ?? {};
    const label = LABELS[type] ?? `blocket "${type}"`;
    for (const key of Object.keys(attrs)) {
      if (!Object.hasOwn(rules, key) || !specs || !Object.hasOwn(specs, key)) {
        fail(`Attributet "${printable(key)}" är inte tillåtet på ${label}.`);
      }
    }
    for (const [key, rule] of Object.entries(rules)) {
      const spec = specs?.[key];
      if (!Object.hasOwn(attrs, key) && !(spec && Object.hasOwn(spec, "default"))) fail(`Attributet "${key}" saknas på ${label}.`);
      const value = Object.hasOwn(attrs, key) ? attrs[key] : spec?.default;
      if (typeof value === "string") this.string(value);
      if (rule(value)) continue;
      if (type === "link" && key === "href" && typeof value === "string") fail(`Länken "${printable(value)}" är inte tillåten.`);
      if (type === "figure" && key === "mediaId") fail("Bilden har ett ogiltigt medie-id.");
      fail(`Attributet "${key}" på ${label} har ett otillåtet värde.`);
    }
  }

  /** NUL and lone surrogates cannot be stored in PostgreSQL's jsonb; size is counted on the way. */
  private string(value: string): void {
    this.chars += value.length;
    if (this.chars > MAX_DOCUMENT_BYTES) fail("Texten är för stor för att sparas.");
    if (value.includes("\u0000") || !value.isWellFormed()) fail("Texten innehåller tecken som inte kan sparas.");
  }
}

/** Checks a document from the client against the content schema before it is stored. */
export function validateDocument(input: unknown): ValidationResult {
  if (!isRecord(input) || input.type !== "doc") return { ok: false, message: UNREADABLE };
  try {
    new TreeCheck().run(input);
  } catch (error) {
    if (error instanceof InvalidDocument) return { ok: false, message: error.message };
    return { ok: false, message: "Texten kunde inte läsas." };
  }
  if (new TextEncoder().encode(JSON.stringify(input)).length > MAX_DOCUMENT_BYTES) {
    return { ok: false, message: "Texten är för stor för att sparas." };
  }
  try {
    const doc = PMNode.fromJSON(schema, input);
    doc.check();
    return { ok: true, doc };
  } catch {
    return { ok: false, message: "Texten innehåller något som inte är tillåtet på sin plats." };
  }
}

/** The canonical JSON to store: every attribute present, defaults filled in, nothing else. */
export function normalizeDocument(doc: PMNode): JSONContent {
  return doc.toJSON() as JSONContent;
}
