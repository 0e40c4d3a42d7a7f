import { describe, expect, it } from "vitest";
import { doc, h, infoBox, p, signature, ul } from "./build";
import { diffDocuments, documentLines, textLines } from "./diff";

describe("documentLines", () => {
  it("writes one readable line per block", () => {
    expect(documentLines(doc(h(2, "Rubrik"), p("Text"), ul(["ett"], ["två"]), infoBox("Plats", p("Torget")), signature("Eva", "Informatör")))).toEqual([
      "## Rubrik",
      "Text",
      "• ett",
      "• två",
      "[Plats]",
      "  Torget",
      "— Eva, Informatör",
    ]);
  });
});

describe("textLines", () => {
  const text = { title: "Snöröjning", lead: "Så plogar vi.", body: doc(p("Text")) };

  it("lists a description only when one is written", () => {
    expect(textLines(text)).toEqual(["Rubrik: Snöröjning", "Ingress: Så plogar vi.", "Text"]);
    expect(textLines({ ...text, description: " " })).toEqual(textLines(text));
    expect(textLines({ ...text, description: "Om vinterns plogning." })).toEqual(["Rubrik: Snöröjning", "Ingress: Så plogar vi.", "Beskrivning: Om vinterns plogning.", "Text"]);
  });

  it("shows a written description as an added line", () => {
    const lines = diffDocuments(textLines(text), textLines({ ...text, description: "Om vinterns plogning." }));
    expect(lines.filter((l) => l.change !== "same")).toEqual([{ change: "added", parts: [{ text: "Beskrivning: Om vinterns plogning.", change: "added" }] }]);
  });
});

describe("diffDocuments", () => {
  it("marks added and removed lines, and the changed words of an edited line", () => {
    const lines = diffDocuments(["Rubrik", "Skolan öppnar i morgon.", "Slut"], ["Rubrik", "Skolan öppnar på måndag.", "Ny rad", "Slut"]);
    expect(lines[0]).toEqual({ change: "same", parts: [{ text: "Rubrik", change: "same" }] });
    const changed = lines.find((l) => l.change === "changed");
    expect(changed?.parts.filter((p) => p.change === "removed").map((p) => p.text.trim())).toContain("i morgon");
    expect(changed?.parts.filter((p) => p.change === "added").map((p) => p.text.trim())).toContain("på måndag");
    expect(lines.some((l) => l.change === "added" && l.parts[0]!.text === "Ny rad")).toBe(true);
  });

  it("finds nothing between identical documents", () => {
    const same = documentLines(doc(p("A"), p("B")));
    expect(diffDocuments(same, same).every((l) => l.change === "same")).toBe(true);
  });
});
