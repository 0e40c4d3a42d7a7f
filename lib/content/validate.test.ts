import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { bold, doc, figure, h, hr, infoBox, italic, link, ol, p, qa, quote, signature, table, ul } from "./build";
import { ATTRIBUTE_RULES, MAX_DEPTH, MAX_DOCUMENT_BYTES, MAX_NODES, MAX_TEXT_LENGTH, normalizeDocument, schema, validateDocument } from "./validate";

const id = "0b8f6a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b";

function messageOf(input: unknown): string {
  const result = validateDocument(input);
  if (result.ok) throw new Error("expected the document to be refused");
  return result.message;
}

/** `depth` blockquotes inside each other, built without recursion. */
function nestedQuotes(depth: number): JSONContent {
  let node: JSONContent = p("botten");
  for (let i = 0; i < depth; i++) node = { type: "blockquote", content: [node] };
  return doc(node);
}

/** A document around one block that need not type-check: hostile input never does. */
const raw = (block: unknown) => ({ type: "doc", content: [block] });

const withAttrs = (node: JSONContent, attrs: Record<string, unknown>): JSONContent => ({ ...node, attrs: { ...node.attrs, ...attrs } });

describe("validateDocument", () => {
  it("accepts everything the editor can produce", () => {
    const everything = doc(
      h(2, "Rubrik"),
      p("Text med ", bold("fet"), ", ", italic("kursiv"), " och ", link("en länk", "https://exempelby.se/a?b=1#c"), "."),
      p(link("Mejla", "mailto:info@exempelby.se"), " ", link("Ring", "tel:+4612345"), " ", link("Intern", "/kalender"), " ", link("Ankare", "#fakta")),
      ul(["ett"], ["två"]),
      ol(["första"]),
      quote(p("Citat")),
      hr(),
      infoBox("Fakta", p("Torget kl. 10")),
      figure({ mediaId: id, alt: "Torget", caption: "Invigning", credit: "Eva", width: 1600, height: 900 }),
      qa(["Varför?", "Därför."]),
      table([
        ["Dag", "Tid"],
        ["Måndag", "10–12"],
      ]),
      signature("Eva Exempel", "Informatör"),
    );
    const result = validateDocument(everything);
    expect(result.ok ? "ok" : result.message).toBe("ok");
  });

  it("normalizes to the canonical stored form, with every attribute filled in", () => {
    const result = validateDocument(doc(ol(["a"]), figure({ mediaId: id })));
    if (!result.ok) throw new Error(result.message);
    const json = normalizeDocument(result.doc);
    expect(json.content?.[0]?.attrs).toEqual({ start: 1, type: null });
    expect(json.content?.[1]?.attrs).toEqual({ mediaId: id, alt: "", caption: "", credit: "", width: null, height: null });
    expect(validateDocument(json).ok).toBe(true);
  });

  it("has a rule for exactly the attributes the schema defines", () => {
    for (const type of [...Object.values(schema.nodes), ...Object.values(schema.marks)]) {
      expect([type.name, Object.keys(ATTRIBUTE_RULES[type.name] ?? {}).sort()]).toEqual([type.name, Object.keys(type.spec.attrs ?? {}).sort()]);
    }
  });

  describe("refuses hostile or malformed input", () => {
    it.each([
      ["null", null],
      ["a string", "doc"],
      ["an array", [doc(p("x"))]],
      ["another top node", p("x")],
      ["a class instance", new Date()],
      ["content that is not a list", { type: "doc", content: { 0: p("x") } }],
      ["a hole in the content", { type: "doc", content: [null] }],
      ["an unknown field", { ...doc(p("x")), foo: 1 }],
      ["a __proto__ field", JSON.parse('{"type":"doc","content":[{"type":"paragraph","__proto__":{"x":1}}]}')],
      ["text in a paragraph node", { type: "doc", content: [{ type: "paragraph", text: "x" }] }],
      ["an empty text node", doc({ type: "paragraph", content: [{ type: "text", text: "" }] })],
      ["a text node that is a number", raw({ type: "paragraph", content: [{ type: "text", text: 5 }] })],
      ["attributes on a text node", doc({ type: "paragraph", content: [{ type: "text", text: "x", attrs: {} }] })],
      ["marks that are not a list", raw({ type: "paragraph", content: [{ type: "text", text: "x", marks: "bold" }] })],
      ["a mark with an extra field", raw({ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "bold", x: 1 }] }] })],
      ["attributes that are a list", raw({ type: "paragraph", attrs: [] })],
    ])("%s", (_, input) => {
      expect(messageOf(input)).toMatch(/^Texten /);
    });

    it.each([
      ["an unknown node", doc({ type: "iframe", attrs: { src: "https://evil.example" } }), "okänd typ av innehåll (iframe)"],
      ["an unknown mark", doc({ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "script" }] }] }), "okänd formatering (script)"],
      ["a code block, which is turned off", doc({ type: "codeBlock", content: [{ type: "text", text: "x" }] }), "okänd typ av innehåll"],
      ["a block in the wrong place", doc({ type: "qaQuestion", content: [{ type: "text", text: "x" }] }), "inte är tillåtet på sin plats"],
      ["a list item outside a list", doc({ type: "listItem", content: [p("x")] }), "inte är tillåtet på sin plats"],
    ])("%s", (_, input, message) => {
      expect(messageOf(input)).toContain(message);
    });
  });

  describe("links", () => {
    it.each([
      "javascript:alert(1)",
      "JavaScript:alert(1)",
      "  javascript:alert(1)",
      "java\tscript:alert(1)",
      "java\nscript:alert(1)",
      "\u0001javascript:alert(1)",
      "javascript&colon;alert(1)",
      "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
      "vbscript:msgbox(1)",
      "file:///etc/passwd",
      "//evil.example/",
      "/\t/evil.example/",
      "/\\evil.example/",
      "\\\\evil.example\\share",
      "https://exempel\u200bby.se/",
      "https://exempelby.se/\u202egnp.exe",
      "ftp://exempelby.se/",
      "relativ/sida",
      "",
      "https://exempelby.se/" + "a".repeat(2_000),
    ])("refuses %j", (href) => {
      expect(messageOf(doc(p(link("klick", href))))).toMatch(/^Länken ".*" är inte tillåten\.$/s);
    });

    it("shows a refused link without its control characters", () => {
      expect(messageOf(doc(p(link("klick", "java\tscript:x"))))).toBe('Länken "java�script:x" är inte tillåten.');
    });

    it.each([
      ["no href", { type: "link" }],
      ["href null", { type: "link", attrs: { href: null } }],
      ["a new tab", { type: "link", attrs: { href: "https://exempelby.se", target: "_blank" } }],
      ["a class", { type: "link", attrs: { href: "https://exempelby.se", class: "knapp" } }],
      ["an onclick", { type: "link", attrs: { href: "https://exempelby.se", onclick: "alert(1)" } }],
    ])("refuses a link with %s", (_, mark) => {
      expect(messageOf(doc({ type: "paragraph", content: [{ type: "text", text: "x", marks: [mark] }] }))).toMatch(/länken/i);
    });
  });

  describe("attributes", () => {
    it.each([
      ["a style on a paragraph", doc({ type: "paragraph", attrs: { style: "color:red" } }), 'Attributet "style" är inte tillåtet'],
      ["a src on a figure", doc(withAttrs(figure({ mediaId: id }), { src: "data:image/png;base64,AAAA" })), 'Attributet "src" är inte tillåtet på bilden'],
      ["heading level as a string", doc(withAttrs(h(2, "x"), { level: "2" })), 'Attributet "level" på rubriken'],
      ["heading level 1", doc(withAttrs(h(2, "x"), { level: 1 })), 'Attributet "level"'],
      ["heading without a level (the schema default is 1)", doc({ type: "heading", content: [{ type: "text", text: "x" }] }), 'Attributet "level"'],
      ["heading level 5", doc(withAttrs(h(2, "x"), { level: 5 })), 'Attributet "level"'],
      ["a list start as a string", doc(withAttrs(ol(["a"]), { start: "1" })), 'Attributet "start"'],
      ["a list type that is not a list type", doc(withAttrs(ol(["a"]), { type: "disc; background:url(x)" })), 'Attributet "type"'],
      ["an info box title that is a number", doc(withAttrs(infoBox("x", p("y")), { title: 5 })), 'Attributet "title" på faktarutan'],
      ["a signature name that is an object", doc(withAttrs(signature("a", "b"), { name: { toString: 1 } })), 'Attributet "name" på signaturen'],
      ["a width as a string", doc(figure({ mediaId: id, width: "800" as unknown as number })), 'Attributet "width" på bilden'],
      ["a width of zero", doc(figure({ mediaId: id, width: 0 })), 'Attributet "width"'],
      ["a fractional height", doc(figure({ mediaId: id, height: 1.5 })), 'Attributet "height"'],
      ["a colspan of zero", doc(withAttrs(table([["a"]]).content![0]!.content![0]!, { colspan: 0 })), 'Attributet "colspan"'],
      [
        "a column width",
        doc({ type: "table", content: [{ type: "tableRow", content: [withAttrs(table([["a"]]).content![0]!.content![0]!, { colwidth: [100] })] }] }),
        'Attributet "colwidth"',
      ],
      [
        "attributes on a mark without any",
        doc({ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "bold", attrs: { style: "x" } }] }] }),
        'Attributet "style"',
      ],
    ])("refuses %s", (_, input, message) => {
      expect(messageOf(input)).toContain(message);
    });

    it.each([
      ["not a uuid", "bild.jpg"],
      ["a path", "../../etc/passwd"],
      ["an upper-case uuid", id.toUpperCase()],
      ["a uuid with extra text", `${id}/../x`],
      ["a number", 42],
    ])("refuses a figure whose media id is %s", (_, mediaId) => {
      expect(messageOf(doc(figure({ mediaId: mediaId as string })))).toBe("Bilden har ett ogiltigt medie-id.");
    });

    it("refuses a figure without a media id", () => {
      expect(messageOf(doc({ type: "figure", attrs: { alt: "x" } }))).toBe('Attributet "mediaId" saknas på bilden.');
    });
  });

  describe("limits", () => {
    it(`refuses a text node over ${MAX_TEXT_LENGTH} characters`, () => {
      expect(validateDocument(doc(p("a".repeat(MAX_TEXT_LENGTH)))).ok).toBe(true);
      expect(messageOf(doc(p("a".repeat(MAX_TEXT_LENGTH + 1))))).toBe("Ett stycke är för långt för att sparas.");
    });

    it("refuses a document over MAX_DOCUMENT_BYTES, counted in UTF-8 bytes", () => {
      const paragraphs = Array.from({ length: 11 }, () => p("a".repeat(95_000)));
      expect(messageOf(doc(...paragraphs))).toBe("Texten är för stor för att sparas.");
      // 400,000 characters of "å" are 800,000 bytes, plus the markup: over the limit only in bytes.
      const swedish = Array.from({ length: 6 }, () => p("å".repeat(90_000)));
      expect(JSON.stringify(doc(...swedish)).length).toBeLessThan(MAX_DOCUMENT_BYTES);
      expect(messageOf(doc(...swedish))).toBe("Texten är för stor för att sparas.");
    });

    it("refuses a huge attribute before reading it all", () => {
      expect(messageOf(doc(figure({ mediaId: id, alt: "a".repeat(5_000_000) })))).toBe("Texten är för stor för att sparas.");
    });

    it(`accepts nesting to depth ${MAX_DEPTH} and refuses one level more`, () => {
      // doc → blockquote × n → paragraph → text: the text sits at depth n + 2.
      expect(validateDocument(nestedQuotes(MAX_DEPTH - 2)).ok).toBe(true);
      expect(messageOf(nestedQuotes(MAX_DEPTH - 1))).toBe("Texten är för djupt nästlad.");
    });

    it("refuses a 100,000 levels deep document without exhausting the stack", () => {
      expect(messageOf(nestedQuotes(100_000))).toBe("Texten är för djupt nästlad.");
    });

    it(`refuses more than ${MAX_NODES} nodes`, () => {
      const breaks = Array.from({ length: MAX_NODES }, () => ({ type: "hardBreak" }));
      expect(messageOf(doc({ type: "paragraph", content: breaks }))).toBe("Texten består av för många delar.");
      const paragraphs = Array.from({ length: MAX_NODES / 2 }, () => p("x"));
      expect(messageOf(doc(...paragraphs))).toBe("Texten består av för många delar.");
    });

    it.each([
      ["a NUL character", "a\u0000b"],
      ["a lone surrogate", "a\ud800b"],
    ])("refuses text with %s, which the database cannot store", (_, text) => {
      expect(messageOf(doc(p(text)))).toBe("Texten innehåller tecken som inte kan sparas.");
      expect(messageOf(doc(infoBox(text, p("x"))))).toBe("Texten innehåller tecken som inte kan sparas.");
    });

    it("accepts emoji and other astral characters", () => {
      expect(validateDocument(doc(p("Välkommen 🎉 𝔸"))).ok).toBe(true);
    });
  });
});
