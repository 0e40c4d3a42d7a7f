import { describe, expect, it } from "vitest";
import { bylineText } from "./format";

describe("bylineText", () => {
  it("writes one, two and three authors as Swedish prose, keeping proper nouns", () => {
    expect(bylineText([])).toBe("");
    expect(bylineText([{ userId: null, name: "Eva Ek", title: "Informatör" }])).toBe("Av Eva Ek, informatör");
    expect(
      bylineText([
        { userId: null, name: "Eva Ek", title: "Informatör" },
        { userId: null, name: "Lena Ek", title: "Rektor Exempelbyskolan" },
      ]),
    ).toBe("Av Eva Ek, informatör och Lena Ek, rektor Exempelbyskolan");
    expect(
      bylineText([
        { userId: null, name: "A", title: "" },
        { userId: null, name: "B", title: "" },
        { userId: null, name: "C", title: "" },
      ]),
    ).toBe("Av A; B och C");
  });
});
