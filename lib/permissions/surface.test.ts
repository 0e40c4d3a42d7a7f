import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACTIONS, mustRefuse, PAGES, refusedOnOthersTexts, ROUTES } from "./surface";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SOURCE_DIRS = ["app", "lib", "components", "db"];
const SKIPPED = new Set(["node_modules"]);
const HTTP_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

function walk(dir: string): string[] {
  const full = path.join(ROOT, dir);
  if (!fs.existsSync(full)) return [];
  return fs.readdirSync(full, { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED.has(entry.name) || entry.name.startsWith(".") ? [] : walk(relative);
    return /\.(ts|tsx|js|mjs)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

const sourceFiles = SOURCE_DIRS.flatMap(walk).sort();
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");

/** Every name a module exports at run time (types and interfaces are not callable from outside). */
function exportedNames(source: string): string[] {
  const names: string[] = [];
  for (const match of source.matchAll(/^export\s+(?:async\s+)?(?:function\*?|const|let|var|class)\s+([A-Za-z_$][\w$]*)/gm)) names.push(match[1]!);
  for (const match of source.matchAll(/^export\s+(?:const|let|var)\s*\{([^}]*)\}/gm)) names.push(...listNames(match[1]!));
  for (const match of source.matchAll(/^export\s*\{([^}]*)\}/gm)) names.push(...listNames(match[1]!).filter((name) => !name.startsWith("type ")));
  if (/^export\s+default\b/m.test(source)) names.push("default");
  return names.sort();
}

const listNames = (list: string) =>
  list
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => (part.startsWith("type ") ? part : (part.split(/\s+as\s+/).at(-1) ?? part).trim()));

const hasDirective = (source: string) => /^\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*["']use server["']/.test(source);

describe("the permission suite's inventory is complete", () => {
  it("lists every exported server action, and only those", () => {
    const found = sourceFiles.filter((file) => hasDirective(read(file))).flatMap((file) => exportedNames(read(file)).map((name) => `${file}#${name}`));
    expect(found.length).toBeGreaterThan(0);
    expect(found).toEqual(Object.keys(ACTIONS).sort());
  });

  it("has no server action declared inside a component, where the table could not see it", () => {
    const inline = sourceFiles.filter((file) => /["']use server["']/.test(read(file)) && !hasDirective(read(file)));
    expect(inline).toEqual([]);
  });

  it("lists every route handler's methods, and only those", () => {
    const found = sourceFiles
      .filter((file) => file.startsWith("app/") && /\/route\.(ts|tsx|js|mjs)$/.test(file))
      .flatMap((file) =>
        exportedNames(read(file))
          .filter((name) => HTTP_METHODS.has(name))
          .map((name) => `${file}#${name}`),
      );
    expect(found.length).toBeGreaterThan(0);
    expect(found.sort()).toEqual(Object.keys(ROUTES).sort());
  });

  it("lists every staff page, and only those", () => {
    const found = sourceFiles.filter((file) => file.startsWith("app/redaktion/") && /\/page\.(tsx|ts|jsx|js)$/.test(file));
    expect(found.length).toBeGreaterThan(0);
    expect(found).toEqual(Object.keys(PAGES).sort());
  });

  it("finds the exports it is asked about (the parser itself can fail)", () => {
    expect(exportedNames("export async function GET() {}\nexport const revalidate = 60;\nexport type X = 1;")).toEqual(["GET", "revalidate"]);
    expect(exportedNames("export const { GET, POST } = handlers;")).toEqual(["GET", "POST"]);
    expect(exportedNames("export { handler as PUT, type Foo };")).toEqual(["PUT"]);
    expect(hasDirective('"use server";\nexport async function a() {}')).toBe(true);
    expect(hasDirective('export async function a() {\n  "use server";\n}')).toBe(false);
  });

  it("derives who must be refused from the permission table", () => {
    expect(mustRefuse(ACTIONS["app/redaktion/installningar/tillganglighet/actions.ts#saveAccessibilityStatementAction"])).toEqual(["resident", "skribent", "redaktor", "utgivare"]);
    expect(mustRefuse(ROUTES["app/api/texter/[id]/route.ts#PUT"])).toEqual(["resident", "admin"]);
    expect(refusedOnOthersTexts(ROUTES["app/api/texter/[id]/route.ts#PUT"])).toEqual(["skribent"]);
    expect(mustRefuse(ROUTES["app/feed.xml/route.ts#GET"])).toEqual([]);
  });
});
