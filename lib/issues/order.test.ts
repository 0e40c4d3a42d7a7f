import { describe, expect, it } from "vitest";
import { moveInOrder, readingOrder, type Placed } from "./order";

const items: Placed[] = [
  { id: "b", placement: "article", position: 1 },
  { id: "c", placement: "column", position: 2 },
  { id: "a", placement: "article", position: 0 },
];
const ids = (list: Placed[] | null) => list?.map((i) => i.id) ?? null;

describe("readingOrder", () => {
  it("puts the column first and the articles by position", () => {
    expect(ids(readingOrder(items))).toEqual(["c", "a", "b"]);
  });
});

describe("moveInOrder", () => {
  it("swaps an article with its neighbour", () => {
    expect(ids(moveInOrder(items, "b", "up"))).toEqual(["c", "b", "a"]);
    expect(ids(moveInOrder(items, "a", "down"))).toEqual(["c", "b", "a"]);
  });

  it("never moves an article above the column, nor the column itself, nor past the ends", () => {
    expect(moveInOrder(items, "a", "up")).toBeNull();
    expect(moveInOrder(items, "c", "down")).toBeNull();
    expect(moveInOrder(items, "b", "down")).toBeNull();
    expect(moveInOrder(items, "x", "up")).toBeNull();
  });

  it("moves freely when there is no column", () => {
    const plain: Placed[] = [
      { id: "a", placement: "article", position: 0 },
      { id: "b", placement: "article", position: 1 },
    ];
    expect(ids(moveInOrder(plain, "b", "up"))).toEqual(["b", "a"]);
  });
});
