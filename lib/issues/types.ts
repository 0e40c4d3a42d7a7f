export type Placement = "column" | "article";

export const PLACEMENT_LABELS: Record<Placement, string> = { column: "Krönika", article: "Artikel" };
