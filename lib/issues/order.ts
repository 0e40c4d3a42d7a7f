import type { Placement } from "./types";

export type Placed = { id: string; placement: Placement; position: number };

/**
 * The reading order of an issue: the chief's column always first, then the articles by position.
 * Positions are made dense 0..n-1 from this order after every change.
 */
export function readingOrder<T extends Placed>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => Number(b.placement === "column") - Number(a.placement === "column") || a.position - b.position || a.id.localeCompare(b.id));
}

/**
 * Moves one article a step up or down among the articles. The column is pinned first, so an
 * article never moves above it and the column itself does not move; returns null for a no-op.
 */
export function moveInOrder<T extends Placed>(items: readonly T[], id: string, direction: "up" | "down"): T[] | null {
  const ordered = readingOrder(items);
  const index = ordered.findIndex((item) => item.id === id);
  if (index < 0 || ordered[index]!.placement === "column") return null;
  const target = direction === "up" ? index - 1 : index + 1;
  const neighbour = ordered[target];
  if (!neighbour || neighbour.placement === "column") return null;
  const result = [...ordered];
  result[target] = ordered[index]!;
  result[index] = neighbour;
  return result;
}
