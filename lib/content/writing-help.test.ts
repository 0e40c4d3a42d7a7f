import type { JSONContent } from "@tiptap/core";
import { Node as PMNode } from "@tiptap/pm/model";
import { describe, expect, it } from "vitest";
import { bold, doc, figure, h, infoBox, link, p, qa, table, ul } from "./build";
import { analyzeDocument, positionOfPath, WARNING_CODES, type WarningCode } from "./writing-help";
import { schema } from "./validate";

const id = "0b8f6a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
const meta = { title: "Nytt torg", lead: "" };

function codes(content: JSONContent, options = meta): WarningCode[] {
  return analyzeDocument(content, options).warnings.map((warning) => warning.code);
}

describe("analyzeDocument", () => {
  it("counts the words of the lead and the body, not the title", () => {
    const analysis = analyzeDocument(doc(h(2, "Bakgrund"), p("Torget byggs om i vår."), figure({ mediaId: id, alt: "x", caption: "Torget i dag." })), {
      title: "Många ord i en lång rubrik",
      lead: "Arbetet börjar i maj.",
    });
    // Arbetet börjar i maj | Bakgrund | Torget byggs om i vår | Torget i dag = 4 + 1 + 5 + 3.
    expect(analysis.words).toBe(13);
    expect(analysis.readingMinutes).toBe(1);
    // 4 sentences; Arbetet (7) and Bakgrund (8) are long: 13/4 + 100 · 2/13 ≈ 18.6.
    expect(analysis.lix).toBeCloseTo(13 / 4 + 200 / 13);
    expect(analysis.lixLabel).toBe("Mycket lättläst");
    expect(analysis.warnings).toEqual([]);
  });

  it("reads 200 words a minute, rounded, and at least a minute once there are words", () => {
    const words = (n: number) => doc(p(Array.from({ length: n }, () => "ord").join(" ")));
    expect(analyzeDocument(doc(), meta)).toMatchObject({ words: 0, readingMinutes: 0, lix: 0, lixLabel: "Mycket lättläst" });
    expect(analyzeDocument(words(1), meta).readingMinutes).toBe(1);
    expect(analyzeDocument(words(299), meta).readingMinutes).toBe(1);
    expect(analyzeDocument(words(300), meta).readingMinutes).toBe(2);
    expect(analyzeDocument(words(1000), meta).readingMinutes).toBe(5);
  });

  it("warns when the title is blank", () => {
    expect(analyzeDocument(doc(p("Text.")), { title: "  ", lead: "" }).warnings).toEqual([{ code: "title-missing", message: "Texten saknar rubrik." }]);
  });

  it("warns about an image without alt text, with the path to it", () => {
    const analysis = analyzeDocument(doc(p("Text."), figure({ mediaId: id, alt: " " }), figure({ mediaId: id, alt: "Torget" })), meta);
    expect(analysis.warnings).toEqual([{ code: "image-missing-alt", message: "Bilden saknar alternativtext.", path: [1] }]);
  });

  it("warns when a heading skips a level, counting the title as level 1", () => {
    expect(analyzeDocument(doc(h(2, "A"), h(4, "B"), h(3, "C"), h(2, "D"), h(4, "E")), meta).warnings).toEqual([
      { code: "heading-skipped-level", message: "Rubriknivå hoppar från 2 till 4.", path: [1] },
      { code: "heading-skipped-level", message: "Rubriknivå hoppar från 2 till 4.", path: [4] },
    ]);
    expect(analyzeDocument(doc(h(3, "Först")), meta).warnings[0]?.message).toBe("Rubriknivå hoppar från 1 till 3.");
  });

  it("warns about an empty heading", () => {
    expect(analyzeDocument(doc(h(2, ""), h(2, "  ")), meta).warnings).toEqual([
      { code: "heading-empty", message: "Rubriken är tom.", path: [0] },
      { code: "heading-empty", message: "Rubriken är tom.", path: [1] },
    ]);
  });

  it.each([
    ["här", true],
    ["Klicka här", true],
    ["klicka HÄR!", true],
    ["(läs mer)", true],
    ["Läs mer …", true],
    ["mer", true],
    ["Länk", true],
    ["Läs mer om bygget", false],
    ["Ansök om plats i förskolan", false],
    ["härnösand.se", false],
  ])("link text %j is vague: %s", (text, vague) => {
    expect(codes(doc(p("Se ", link(text, "https://exempelby.se"), ".")))).toEqual(vague ? ["link-text-vague"] : []);
  });

  it("joins the pieces of one link and reports it where it is", () => {
    const analysis = analyzeDocument(
      doc(p("Intro."), ul(["Se ", link("klicka ", "/a"), { ...bold("här"), marks: [{ type: "bold" }, { type: "link", attrs: { href: "/a" } }] }])),
      meta,
    );
    expect(analysis.warnings).toEqual([{ code: "link-text-vague", message: "Länktexten ”klicka här” säger inte vart länken leder.", path: [1, 0, 0] }]);
    // Two different links side by side are two link texts.
    expect(codes(doc(p(link("Om ", "/om"), link("här", "/har"))))).toEqual(["link-text-vague"]);
  });

  it("warns about a table without header cells", () => {
    expect(
      codes(
        doc(
          table(
            [
              ["a", "b"],
              ["c", "d"],
            ],
            { header: false },
          ),
        ),
      ),
    ).toEqual(["table-no-header"]);
    expect(
      codes(
        doc(
          table([
            ["Dag", "Tid"],
            ["Måndag", "10–12"],
          ]),
        ),
      ),
    ).toEqual([]);
  });

  it("warns about an empty fact box and an empty question or answer", () => {
    expect(analyzeDocument(doc(infoBox("Fakta", p(), p(" "))), meta).warnings).toEqual([{ code: "section-empty", message: "Faktarutan är tom.", path: [0] }]);
    expect(codes(doc(infoBox("Fakta", p(), p("Torget kl. 10."))))).toEqual([]);
    expect(analyzeDocument(doc(qa(["Varför?", "Därför."], ["Och sedan?", ""])), meta).warnings).toEqual([
      { code: "section-empty", message: "En fråga eller ett svar är tomt.", path: [0, 1] },
    ]);
  });

  it("only ever reports the exported codes", () => {
    const everything = analyzeDocument(doc(h(3, ""), figure({ mediaId: id }), p(link("här", "/")), table([["a"]], { header: false }), infoBox("Fakta", p())), {
      title: "",
      lead: "",
    });
    expect(new Set(everything.warnings.map((warning) => warning.code))).toEqual(new Set(WARNING_CODES));
  });
});

describe("positionOfPath", () => {
  const content = doc(p("Ett"), ul(["a"], ["b"]), figure({ mediaId: id }));
  const pm = PMNode.fromJSON(schema, content);

  it("finds the position before the node a path points at", () => {
    expect(positionOfPath(pm, [0])).toBe(0);
    expect(pm.nodeAt(positionOfPath(pm, [1])!)?.type.name).toBe("bulletList");
    expect(pm.nodeAt(positionOfPath(pm, [1, 1])!)?.textContent).toBe("b");
    expect(pm.nodeAt(positionOfPath(pm, [2])!)?.type.name).toBe("figure");
  });

  it("returns null for a path that no longer exists", () => {
    expect(positionOfPath(pm, [3])).toBeNull();
    expect(positionOfPath(pm, [1, 5])).toBeNull();
  });
});
