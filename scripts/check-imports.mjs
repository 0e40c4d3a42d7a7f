// The house rule for imports: app → components → lib → db, each room importing only from
// its own floor or below, and no two folders on a floor importing each other (directly or
// round a longer loop). `npm test` runs this through scripts/check-imports.test.ts; run it
// by hand with `node scripts/check-imports.mjs` to see every offending import.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

/** Floors, lowest first. A file may import from its own floor and those below it. */
export const FLOORS = ["db", "lib", "components", "app"];

const SOURCE = /\.(ts|tsx|mts|mjs)$/;
const TEST = /(\.test\.(ts|tsx|mts|mjs)|\.d\.mts)$/;
const EXTENSIONS = ["", ".ts", ".tsx", ".mts", ".mjs", "/index.ts", "/index.tsx"];

function walk(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (SOURCE.test(entry.name)) out.push(full);
  }
  return out;
}

function resolve(root, fromFile, specifier) {
  let base;
  if (specifier.startsWith("@/")) base = path.join(root, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(fromFile), specifier);
  else return null; // a package
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  // `./x.js` written for `./x.ts`
  const stripped = base.replace(/\.(js|mjs)$/, "");
  for (const ext of [".ts", ".tsx", ".mts"]) if (fs.existsSync(stripped + ext)) return stripped + ext;
  return base;
}

/**
 * The room a file lives in: its floor, and the folder that holds it ("lib/mail/send"). A file
 * directly on a floor (lib/format.ts) is a room of its own. A folder inside another is a room of its
 * own too, so a parent and its subfolder may not import each other both ways either.
 */
export function roomOf(relative) {
  const parts = relative.split(path.sep);
  const floor = parts[0];
  if (!FLOORS.includes(floor)) return null;
  const room = parts.length > 2 ? parts.slice(0, -1).join("/") : `${floor}/${parts[1].replace(SOURCE, "")}`;
  return { floor, room };
}

/** Every import edge between files under `root`'s floors, tests left out. */
export function importEdges(root) {
  const edges = [];
  for (const floor of FLOORS) {
    const dir = path.join(root, floor);
    if (!fs.existsSync(dir)) continue;
    for (const file of walk(dir)) {
      if (TEST.test(file) || file.includes(`${path.sep}testing${path.sep}`)) continue;
      const info = ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true);
      for (const ref of info.importedFiles) {
        const target = resolve(root, file, ref.fileName);
        if (!target) continue;
        edges.push({ from: path.relative(root, file), to: path.relative(root, target), specifier: ref.fileName });
      }
    }
  }
  return edges;
}

function cycles(graph) {
  // Tarjan: every strongly connected component with more than one room is a folder cycle.
  let index = 0;
  const stack = [];
  const state = new Map();
  const found = [];
  function visit(v) {
    state.set(v, { index, low: index, onStack: true });
    index += 1;
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!state.has(w)) {
        visit(w);
        state.get(v).low = Math.min(state.get(v).low, state.get(w).low);
      } else if (state.get(w).onStack) {
        state.get(v).low = Math.min(state.get(v).low, state.get(w).index);
      }
    }
    if (state.get(v).low === state.get(v).index) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        state.get(w).onStack = false;
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  }
  for (const v of graph.keys()) if (!state.has(v)) visit(v);
  return found;
}

/** Upward imports and folder cycles under `root`; empty lists when the house is in order. */
export function checkImports(root) {
  const upward = [];
  const graph = new Map();
  const examples = new Map();
  for (const edge of importEdges(root)) {
    const from = roomOf(edge.from);
    const to = roomOf(edge.to);
    if (!from) continue;
    if (!to) {
      // Outside the floors (scripts/, next.config.ts …): only the top floor may reach there.
      if (from.floor !== "app") upward.push(edge);
      continue;
    }
    if (FLOORS.indexOf(to.floor) > FLOORS.indexOf(from.floor)) {
      upward.push(edge);
      continue;
    }
    if (from.room === to.room || from.floor !== to.floor) continue;
    if (!graph.has(from.room)) graph.set(from.room, new Set());
    graph.get(from.room).add(to.room);
    const key = `${from.room} → ${to.room}`;
    if (!examples.has(key)) examples.set(key, edge);
  }
  const loops = cycles(graph).map((rooms) => ({
    rooms,
    edges: [...examples.entries()]
      .filter(([key]) => {
        const [a, b] = key.split(" → ");
        return rooms.includes(a) && rooms.includes(b);
      })
      .map(([key, edge]) => `${key} (${edge.from} imports ${edge.specifier})`),
  }));
  return { upward, cycles: loops };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const { upward, cycles: loops } = checkImports(root);
  for (const edge of upward) console.log(`upward: ${edge.from} imports ${edge.specifier}`);
  for (const loop of loops) console.log(`cycle: ${loop.rooms.join(" ↔ ")}\n  ${loop.edges.join("\n  ")}`);
  console.log(`${upward.length} upward imports, ${loops.length} folder cycles`);
  process.exit(upward.length + loops.length === 0 ? 0 : 1);
}
