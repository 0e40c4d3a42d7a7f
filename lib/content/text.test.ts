import { describe, expect, it } from "vitest";
import { bold, doc, figure, h, infoBox, link, p, qa, signature, table, ul } from "./build";
import { blockTexts, inlineText, plainText } from "./text";

describe("text", () => {
  it("joins the inline text of a block; a hard break ends a line", () => {
    expect(inlineText(p("Hej ", bold("där"), { type: "hardBreak" }, link("sida", "/a")))).toBe("Hej där\nsida");
  });

  it("lists running text in reading order, with captions but without labels", () => {
    const content = doc(
      h(2, "Rubrik"),
      ul(["ett"], ["två"]),
      figure({ mediaId: "0b8f6a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b", alt: "alt-text", caption: "Bildtext", credit: "Fotograf" }),
      infoBox("Faktarutans titel", p("Fakta")),
      qa(["Fråga?", "Svar."]),
      table([["Dag"], ["Måndag"]]),
      signature("Eva Exempel", "Informatör"),
    );
    expect(blockTexts(content)).toEqual(["Rubrik", "ett", "två", "Bildtext", "Fakta", "Fråga?", "Svar.", "Dag", "Måndag"]);
    expect(plainText(content)).toBe("Rubrik\nett\ntvå\nBildtext\nFakta\nFråga?\nSvar.\nDag\nMåndag");
  });
});
