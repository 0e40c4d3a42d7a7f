import { describe, expect, it } from "vitest";
import { filterSlashItems, SLASH_ITEMS } from "./slash-items";

describe("filterSlashItems", () => {
  it("offers every block for an empty query", () => {
    expect(filterSlashItems("")).toBe(SLASH_ITEMS);
  });

  it("finds blocks by their Swedish names and by likely words", () => {
    expect(filterSlashItems("rub").map((i) => i.title)).toEqual(["Rubrik 2", "Rubrik 3", "Rubrik 4"]);
    expect(filterSlashItems("intervju").map((i) => i.title)).toEqual(["Fråga och svar"]);
    expect(filterSlashItems("FAKTA").map((i) => i.title)).toEqual(["Faktaruta"]);
    expect(filterSlashItems("xyz")).toEqual([]);
  });
});
