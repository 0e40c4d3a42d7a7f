import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkImports, roomOf } from "./check-imports.mjs";

const root = path.resolve(import.meta.dirname, "..");
const trees: string[] = [];

/** A throwaway tree of the given files (path → source). */
function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kb-imports-"));
  trees.push(dir);
  for (const [file, source] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), source);
  }
  return dir;
}

afterEach(() => {
  for (const dir of trees.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("the house's imports", () => {
  it("point down only, app → components → lib → db, with no folder cycles", () => {
    const { upward, cycles } = checkImports(root);
    expect(upward.map((edge) => `${edge.from} imports ${edge.specifier}`)).toEqual([]);
    expect(cycles.map((cycle) => cycle.edges.join("; "))).toEqual([]);
  });
});

describe("checkImports", () => {
  it("refuses an import from a floor above", () => {
    const dir = tree({
      "app/page.tsx": 'import { Button } from "@/components/ui/button";',
      "components/ui/button.tsx": 'import { save } from "@/app/actions";',
      "app/actions.ts": "export const save = 1;",
      "db/client.ts": 'import { env } from "../lib/env";',
      "lib/env.ts": "export const env = 1;",
    });
    const { upward } = checkImports(dir);
    expect(upward.map((edge) => `${edge.from} → ${edge.specifier}`).sort()).toEqual(["components/ui/button.tsx → @/app/actions", "db/client.ts → ../lib/env"]);
  });

  it("refuses two folders on a floor that import each other, also round a longer loop", () => {
    const dir = tree({
      "lib/a/one.ts": 'import { two } from "@/lib/b/two";',
      "lib/b/two.ts": 'import { three } from "../c/three";\nexport const two = 2;',
      "lib/c/three.ts": 'import type { One } from "@/lib/a/one";\nexport const three = 3;',
      "lib/d/four.ts": 'import { two } from "@/lib/b/two";',
    });
    const { upward, cycles } = checkImports(dir);
    expect(upward).toEqual([]);
    expect(cycles.map((cycle) => cycle.rooms)).toEqual([["lib/a", "lib/b", "lib/c"]]);
  });

  it("counts a folder and its subfolder as two rooms, and leaves tests and test support out", () => {
    const dir = tree({
      "lib/mail/queue.ts": 'import { send } from "./send/send";',
      "lib/mail/send/send.ts": 'import { queue } from "../queue";',
      "lib/issues/issues.test.ts": 'import { page } from "@/app/page";',
      "lib/testing/suite.ts": 'import { page } from "@/app/page";',
      "app/page.tsx": "export const page = 1;",
    });
    const { upward, cycles } = checkImports(dir);
    expect(upward).toEqual([]);
    expect(cycles.map((cycle) => cycle.rooms)).toEqual([["lib/mail", "lib/mail/send"]]);
  });

  it("names rooms by the folder that holds the file", () => {
    expect(roomOf(path.join("lib", "format.ts"))).toEqual({ floor: "lib", room: "lib/format" });
    expect(roomOf(path.join("lib", "mail", "send", "send.ts"))).toEqual({ floor: "lib", room: "lib/mail/send" });
    expect(roomOf(path.join("scripts", "start.mjs"))).toBeNull();
  });
});
