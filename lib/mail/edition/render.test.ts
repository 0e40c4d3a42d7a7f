import { describe, expect, it } from "vitest";
import { oneLine, preheaderFrom } from "./render";

describe("preheaderFrom", () => {
  it("keeps a short lead as one line", () => {
    expect(preheaderFrom("Vintern är här.\nSnön också.")).toBe("Vintern är här. Snön också.");
  });

  it("cuts a long lead at a word, within the 150 characters mail programs show", () => {
    const lead = "Ord ".repeat(60).trim();
    const preheader = preheaderFrom(lead);
    expect(preheader.length).toBeLessThanOrEqual(150);
    expect(preheader).toMatch(/ Ord…$/);
  });
});

describe("oneLine", () => {
  it("folds line breaks and runs of spaces", () => {
    expect(oneLine("  Vinter\r\n i   byn ")).toBe("Vinter i byn");
  });
});
