import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireLock, DatabaseInUseError, lockPathFor } from "./pglite-lock";

const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kb-lock-")), "data");
afterEach(() => fs.rmSync(lockPathFor(dir), { force: true }));

describe("PGlite folder lock", () => {
  it("refuses a folder held by another live process, with a Swedish explanation", async () => {
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 10000)"]);
    try {
      fs.writeFileSync(lockPathFor(dir), String(other.pid));
      expect(() => acquireLock(dir)).toThrow(DatabaseInUseError);
      expect(() => acquireLock(dir)).toThrow(/används redan av en annan process/);
    } finally {
      other.kill();
    }
  });

  it("takes over a lock left behind by a dead process, and releases it", async () => {
    const dead = spawn(process.execPath, ["-e", ""]);
    await new Promise((resolve) => dead.on("exit", resolve));
    fs.writeFileSync(lockPathFor(dir), String(dead.pid));
    const release = acquireLock(dir);
    expect(fs.readFileSync(lockPathFor(dir), "utf8")).toBe(String(process.pid));
    release();
    expect(fs.existsSync(lockPathFor(dir))).toBe(false);
  });
});
