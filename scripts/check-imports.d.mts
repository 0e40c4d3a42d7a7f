export const FLOORS: string[];
export type ImportEdge = { from: string; to: string; specifier: string };
export function roomOf(relative: string): { floor: string; room: string } | null;
export function importEdges(root: string): ImportEdge[];
export function checkImports(root: string): { upward: ImportEdge[]; cycles: { rooms: string[]; edges: string[] }[] };
