import { describe, expect, it } from "vitest";
import { descriptionCountText } from "./description-field";

describe("descriptionCountText", () => {
  it("counts up to the limit, then says how many characters too many", () => {
    expect(descriptionCountText(0)).toBe("0 av 300 tecken");
    expect(descriptionCountText(300)).toBe("300 av 300 tecken");
    expect(descriptionCountText(312)).toBe("12 tecken för många: beskrivningen får ha högst 300 tecken.");
  });
});
