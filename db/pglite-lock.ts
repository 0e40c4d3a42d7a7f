import fs from "node:fs";

/**
 * PGlite takes no lock of its own, and two processes on one data folder silently lose writes. We keep
 * a lock file beside the folder holding the owner's pid, and refuse to open a folder whose owner lives.
 */
export class DatabaseInUseError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `Databasmappen ${dir} används redan av en annan process (pid ${pid}). ` +
        "Den inbyggda databasen klarar bara en process åt gången: stoppa den andra processen, " +
        "eller använd PostgreSQL med DATABASE_URL för flera processer.",
    );
    this.name = "DatabaseInUseError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to someone else: still alive.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function lockPathFor(dir: string): string {
  return `${dir.replace(/[/\\]+$/, "")}.lock`;
}

/** Takes the lock for `dir`; returns a function that releases it. */
export function acquireLock(dir: string): () => void {
  const lockPath = lockPathFor(dir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      const release = () => {
        try {
          if (fs.readFileSync(lockPath, "utf8") === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number.parseInt(fs.readFileSync(lockPath, "utf8"), 10);
      // Our own pid in the file can only be left over from an earlier run that reused it.
      if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
        throw new DatabaseInUseError(dir, owner);
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the database lock ${lockPath}`);
}
