import DOMPurify from "dompurify";
import { isAllowedHref } from "./extensions";

/**
 * What survives a paste, by tag, with the attributes each keeps. Every element is rebuilt from
 * this list; anything else is unwrapped (its text kept) or, if DROPPED, removed with its content.
 */
// Maps, not object literals: a pasted <constructor> or <__proto__> must not find anything.
const KEPT_ATTRIBUTES = new Map<string, readonly string[]>(
  Object.entries({
    p: [],
    h2: [],
    h3: [],
    h4: [],
    ul: [],
    ol: [],
    li: [],
    a: ["href"],
    strong: [],
    em: [],
    blockquote: [],
    br: [],
    table: [],
    thead: [],
    tbody: [],
    tfoot: [],
    tr: [],
    th: ["colspan", "rowspan"],
    td: ["colspan", "rowspan"],
  }),
);
const RENAMED = new Map(Object.entries({ h1: "h2", h5: "h4", h6: "h4", b: "strong", i: "em" }));
/** Inside a table cell only paragraphs fit the schema; other blocks would break the table apart. */
const FLATTENED_IN_CELL = new Map<string, "p" | null>(
  Object.entries({
    h2: "p",
    h3: "p",
    h4: "p",
    li: "p",
    th: "p",
    td: "p",
    ul: null,
    ol: null,
    blockquote: null,
    table: null,
    thead: null,
    tbody: null,
    tfoot: null,
    tr: null,
  }),
);

/** Dropped with everything inside: code, embedded media, form controls and site menus. */
const DROPPED = new Set([
  "script",
  "style",
  "template",
  "noscript",
  "noembed",
  "noframes",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "applet",
  "svg",
  "math",
  "img",
  "picture",
  "video",
  "audio",
  "canvas",
  "map",
  "head",
  "title",
  "meta",
  "link",
  "base",
  "xml",
  "colgroup",
  "button",
  "select",
  "textarea",
  "input",
  "option",
  "nav",
]);

/** The second lock, in the browser: only what the allowlist rebuild can produce. */
const PURIFY_CONFIG = { ALLOWED_TAGS: [...KEPT_ATTRIBUTES.keys()], ALLOWED_ATTR: ["href", "colspan", "rowspan"], ALLOW_DATA_ATTR: false };

let purifyWorks: boolean | undefined;
/**
 * DOMPurify needs a NodeIterator that follows removals; happy-dom's does not, and there DOMPurify
 * lets a <script> through. Where it fails this check the allowlist rebuild stands alone.
 */
function purifyIsSound(): boolean {
  purifyWorks ??= DOMPurify.isSupported && DOMPurify.sanitize("<p>a</p><script>b</script>", PURIFY_CONFIG) === "<p>a</p>";
  return purifyWorks;
}

/**
 * Word's "downlevel-revealed" conditionals (`<![if !supportLists]>…<![endif]>`) are not comments
 * to an HTML parser: the markers go, the list markers inside stay for convertWordLists to read.
 */
function stripWordConditionals(html: string): string {
  return html.replace(/<!\[if [^\]]*\]>|<!\[endif\]>/gi, "");
}

function styleOf(element: Element): string {
  return (element.getAttribute("style") ?? "").toLowerCase();
}

function isBoldStyle(style: string): boolean | undefined {
  const weight = /font-weight\s*:\s*([a-z0-9]+)/.exec(style)?.[1];
  if (weight === undefined) return undefined;
  return weight === "bold" || weight === "bolder" || Number(weight) >= 600;
}

function isItalicStyle(style: string): boolean | undefined {
  const fontStyle = /font-style\s*:\s*([a-z]+)/.exec(style)?.[1];
  return fontStyle === undefined ? undefined : fontStyle === "italic" || fontStyle === "oblique";
}

function unwrap(element: Element): void {
  element.replaceWith(...Array.from(element.childNodes));
}

function rename(element: Element, tag: string): Element {
  const next = element.ownerDocument.createElement(tag);
  for (const name of KEPT_ATTRIBUTES.get(tag) ?? []) {
    const value = element.getAttribute(name);
    if (value !== null) next.setAttribute(name, value);
  }
  next.append(...Array.from(element.childNodes));
  element.replaceWith(next);
  return next;
}

/** Word writes list items as paragraphs with `mso-list:l0 level2`; rebuild real, nested lists. */
function convertWordLists(root: Element): void {
  let stack: { level: number; list: Element }[] = [];
  for (const paragraph of Array.from(root.querySelectorAll("p"))) {
    const match = /mso-list\s*:\s*l\d+\s+level(\d+)/.exec(styleOf(paragraph));
    if (!match) continue;
    const level = Number(match[1]);
    const marker = Array.from(paragraph.querySelectorAll("span")).find((span) => /mso-list\s*:\s*ignore/.test(styleOf(span)));
    const ordered = /^[\s\u00a0]*\(?[0-9a-z]{1,4}[.)]/i.test(marker?.textContent ?? "");
    marker?.remove();
    if (stack[0]?.list !== paragraph.previousElementSibling) stack = [];
    while (stack.length > 0 && stack.at(-1)!.level > level) stack.pop();
    let top = stack.at(-1);
    if (!top || top.level < level) {
      const list = root.ownerDocument.createElement(ordered ? "ol" : "ul");
      if (top) (top.list.lastElementChild ?? top.list).append(list);
      else paragraph.before(list);
      top = { level, list };
      stack.push(top);
    }
    const item = root.ownerDocument.createElement("li");
    top.list.append(item);
    item.append(rename(paragraph, "p"));
  }
}

function hasText(element: Element): boolean {
  return (element.textContent ?? "").replace(/[\s\u00a0]/g, "") !== "" || element.querySelector("br") !== null;
}

/** Rewrites one element after its children are done; formatting from inline styles becomes marks. */
function cleanElement(element: Element, inCell: boolean): void {
  let tag = element.tagName.toLowerCase();
  const style = styleOf(element);
  if (tag === "a") {
    const href = element.getAttribute("href")?.trim();
    if (!href || !isAllowedHref(href)) return unwrap(element);
    rename(element, "a").setAttribute("href", href);
    return;
  }
  if (tag === "caption") {
    const table = element.closest("table");
    const paragraph = rename(element, "p");
    if (table) table.before(paragraph);
    return;
  }
  // Google Docs wraps a whole paste in <b style="font-weight:normal">: bold by tag, not by look.
  if ((tag === "b" || tag === "strong") && isBoldStyle(style) === false) return unwrap(element);
  if ((tag === "i" || tag === "em") && isItalicStyle(style) === false) return unwrap(element);
  tag = RENAMED.get(tag) ?? tag;
  if (inCell && FLATTENED_IN_CELL.has(tag)) {
    const flat = FLATTENED_IN_CELL.get(tag);
    if (flat && !element.querySelector("p")) rename(element, flat);
    else unwrap(element);
    return;
  }
  if (tag === "p" && !hasText(element)) return element.remove();
  if (KEPT_ATTRIBUTES.has(tag)) {
    const kept = rename(element, tag);
    for (const name of ["colspan", "rowspan"]) {
      const value = kept.getAttribute(name);
      if (value !== null && !/^(?:[1-9]|[1-9][0-9])$/.test(value)) kept.removeAttribute(name);
    }
    return;
  }
  // A <span> (or any other wrapper) may carry formatting in its style: keep it as marks.
  let content: Node[] = Array.from(element.childNodes);
  if (isItalicStyle(style)) content = [wrap(element, "em", content)];
  if (isBoldStyle(style)) content = [wrap(element, "strong", content)];
  element.replaceWith(...content);
}

function wrap(element: Element, tag: string, content: Node[]): Element {
  const wrapper = element.ownerDocument.createElement(tag);
  wrapper.append(...content);
  return wrapper;
}

function cleanChildren(parent: Element, inCell: boolean): void {
  for (const child of Array.from(parent.childNodes)) {
    if (child.nodeType === 3) continue;
    if (child.nodeType !== 1) {
      child.remove();
      continue;
    }
    const element = child as Element;
    const tag = element.tagName.toLowerCase();
    if (DROPPED.has(tag)) {
      element.remove();
      continue;
    }
    cleanChildren(element, inCell || tag === "td" || tag === "th");
    cleanElement(element, inCell);
  }
}

/**
 * ProseMirror's own clipboard HTML (a cut and paste inside the editor, or from another tab) is
 * already in the schema's shape; cleaning it would strip the fact boxes, figures and Q&A being
 * moved. ProseMirror parses it with the content schema either way, and the validator checks the
 * result. Only link attributes the schema would take from another ProseMirror site are removed.
 */
function keepSlice(root: Element): string {
  for (const anchor of Array.from(root.querySelectorAll("a"))) for (const name of ["target", "rel", "class"]) anchor.removeAttribute(name);
  return root.innerHTML;
}

/**
 * Cleans HTML pasted into the editor (Tiptap's `transformPastedHTML`): keeps structure and
 * emphasis, drops fonts, colours, classes, scripts, images (they come only through upload) and
 * Word's markup, so that a paste from Word, Google Docs or a web page looks like text written in
 * the editor. Needs a DOM: the browser, or happy-dom in tests.
 */
export function sanitizePastedHtml(html: string): string {
  // Template content lives in an inert document: nothing in it loads or runs. Every node must stay
  // in that document, since adopting an <img> into the page's document starts loading it (and
  // fires its onerror). A <head>'s styles and scripts land here too, and are dropped like others.
  const template = document.createElement("template");
  template.innerHTML = stripWordConditionals(html);
  const root = template.content.ownerDocument.createElement("div");
  root.append(template.content);
  if (root.querySelector("[data-pm-slice]")) return keepSlice(root);
  convertWordLists(root);
  cleanChildren(root, false);
  // Google Docs puts <br> between blocks for its spacing; at the top level they are empty lines.
  for (const child of Array.from(root.children)) if (child.tagName.toLowerCase() === "br") child.remove();
  const clean = root.innerHTML.trim();
  return purifyIsSound() ? DOMPurify.sanitize(clean, PURIFY_CONFIG).trim() : clean;
}
