// @vitest-environment happy-dom
import { Editor, generateJSON, type JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { bold, doc, p, table } from "../build";
import { renderDocument } from "../render";
import { normalizeDocument, validateDocument } from "../validate";
import { contentExtensions } from ".";

function canonical(content: JSONContent): JSONContent {
  const result = validateDocument(content);
  if (!result.ok) throw new Error(result.message);
  return normalizeDocument(result.doc);
}

const opening = table([
  ["Dag", "Öppet"],
  ["Måndag", ["10–", bold("18")]],
  ["Söndag", "Stängt"],
]);

describe("table", () => {
  it("renders plain rows and header cells: no colgroup, widths or wrapper", () => {
    expect(
      renderDocument(
        doc(
          table([
            ["Dag", "Tid"],
            ["Måndag", "10–12"],
          ]),
        ),
      ),
    ).toBe("<table><tbody><tr><th><p>Dag</p></th><th><p>Tid</p></th></tr>" + "<tr><td><p>Måndag</p></td><td><p>10–12</p></td></tr></tbody></table>");
  });

  it("renders merged cells, and only those, with colspan", () => {
    const merged = table([["Rubrik"], ["a", "b"]]);
    merged.content![0]!.content![0]!.attrs = { colspan: 2, rowspan: 1 };
    const html = renderDocument(doc(merged));
    expect(html).toContain('<th colspan="2"><p>Rubrik</p></th>');
    expect(html).not.toContain("rowspan");
    expect(generateJSON(html, contentExtensions)).toEqual(canonical(doc(merged)));
  });

  it.each([
    ["a header row", doc(p("Före"), opening, p("Efter"))],
    [
      "no header row",
      doc(
        table(
          [
            ["a", "b"],
            ["c", "d"],
          ],
          { header: false },
        ),
      ),
    ],
  ])("survives JSON → HTML → JSON with %s", (_, content) => {
    expect(generateJSON(renderDocument(content), contentExtensions)).toEqual(canonical(content));
  });

  it("stores no widths or alignment from pasted tables", () => {
    const json = generateJSON(
      '<table style="width:500px"><colgroup><col width="300"></colgroup><tbody><tr>' +
        '<td colwidth="300" style="text-align:right" align="right"><p>1</p></td></tr></tbody></table>',
      contentExtensions,
    );
    expect(json.content?.[0]).toEqual(canonical(doc(table([["1"]], { header: false }))).content?.[0]);
  });

  it("keeps a cell to plain paragraphs", () => {
    const nested = doc(table([["a"]], { header: false }));
    nested.content![0]!.content![0]!.content![0]!.content = [table([["inuti"]])];
    expect(validateDocument(nested).ok).toBe(false);
  });

  it("insertTable with a header row gives a document the validator accepts", () => {
    const editor = new Editor({ extensions: contentExtensions, content: doc(p("Tabell:")) });
    editor.chain().focus("end").insertTable({ rows: 3, cols: 2, withHeaderRow: true }).run();
    const json: JSONContent = editor.getJSON();
    const inserted = json.content?.find((node) => node.type === "table");
    expect(inserted?.content).toHaveLength(3);
    expect(inserted?.content?.[0]?.content?.[0]?.type).toBe("tableHeader");
    expect(validateDocument(json).ok).toBe(true);
    expect(editor.getHTML()).not.toContain("colgroup");
    editor.destroy();
  });
});
