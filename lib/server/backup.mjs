// What `npm run backup`, `npm run restore` and the server's backup route share: the signed request
// by which the backup script asks a running server for its database, the data folder's lock, the
// migration level, and the backup folder's layout. Plain JavaScript: the scripts run without a build.
//
// A backup is a folder, backups/<time>/ by default:
//   database.tar.gz   the embedded database's data folder (PGlite's dumpDataDir, gzipped tarball)
//   media/            a copy of MEDIA_DIR
//   manifest.json     what it is: time, migration level, sizes and the tarball's SHA-256
// It is written under <time>.partial/ and renamed when complete, so a folder without that suffix
// is never half a backup.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const BACKUP_ROUTE = "/api/internt/sakerhetskopia";
export const BACKUP_HEADERS = /** @type {const} */ ({
  at: "x-kb-backup-at",
  nonce: "x-kb-backup-nonce",
  signature: "x-kb-signature",
  migration: "x-kb-migration",
});
export const DATABASE_FILE = "database.tar.gz";
export const MEDIA_FOLDER = "media";
export const MANIFEST_FILE = "manifest.json";
export const MANIFEST_FORMAT = "kommunbladet-backup";

/** How far a request's time may be from the server's: a captured request is worthless after it. */
export const BACKUP_REQUEST_TTL_MS = 60_000;

/**
 * The signature of a backup request: an HMAC of its time and a one-off nonce, keyed by the purpose
 * and AUTH_SECRET (as the revalidation route's and the signed links' are), so no other signature
 * the app makes can stand in for it.
 */
export function backupSignature(secret, at, nonce) {
  return createHmac("sha256", `backup:${secret}`).update(`${at}\n${nonce}`).digest("base64url");
}

export function validBackupSignature(secret, at, nonce, signature) {
  const expected = Buffer.from(backupSignature(secret, at, nonce));
  const given = Buffer.from(String(signature));
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function freshBackupRequest(at, now = Date.now()) {
  return Math.abs(now - at) <= BACKUP_REQUEST_TTL_MS;
}

/**
 * Nonces seen within the freshness window. The route serves only the embedded database, and that
 * has exactly one process, so this memory sees every request that could be a replay.
 */
export function createNonceMemory(ttlMs = 2 * BACKUP_REQUEST_TTL_MS) {
  const seen = new Map();
  return {
    /** True the first time a nonce is shown; false for a replay. */
    claim(nonce, now = Date.now()) {
      for (const [old, until] of seen) if (until <= now) seen.delete(old);
      if (seen.has(nonce)) return false;
      seen.set(nonce, now + ttlMs);
      return true;
    },
  };
}

/** The headers of one signed backup request. */
export function signedBackupHeaders(secret, at = Date.now(), nonce = globalThis.crypto.randomUUID().replaceAll("-", "")) {
  return { [BACKUP_HEADERS.at]: String(at), [BACKUP_HEADERS.nonce]: nonce, [BACKUP_HEADERS.signature]: backupSignature(secret, at, nonce) };
}

// ---- The data folder's lock (the protocol of db/pglite-lock.ts, which the app takes) -------------

export class DatabaseHeldError extends Error {
  constructor(dir, pid) {
    super(`Databasmappen ${dir} används av en annan process (pid ${pid}), troligen servern.`);
    this.name = "DatabaseHeldError";
    this.pid = pid;
  }
}

export function lockPathFor(dir) {
  return `${dir.replace(/[/\\]+$/, "")}.lock`;
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === "EPERM";
  }
}

/** The pid of the live process holding the data folder, or null. */
export function lockOwner(dir) {
  let owner;
  try {
    owner = Number.parseInt(fs.readFileSync(lockPathFor(dir), "utf8"), 10);
  } catch {
    return null;
  }
  return Number.isInteger(owner) && owner !== process.pid && isAlive(owner) ? owner : null;
}

/**
 * Takes the data folder's lock as the app does, so that no server opens the folder while a script
 * reads or replaces it; returns the release. Throws DatabaseHeldError when a live process holds it.
 */
export function takeLock(dir) {
  const lockPath = lockPathFor(dir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      const release = () => {
        try {
          if (fs.readFileSync(lockPath, "utf8") === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // Already gone.
        }
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== "EEXIST") throw error;
      const owner = lockOwner(dir);
      if (owner !== null) throw new DatabaseHeldError(dir, owner);
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Kunde inte ta databasens lås ${lockPath}.`);
}

/** Whether `dir` holds a PostgreSQL data folder (opening an empty one would create a new database). */
export function isDataFolder(dir) {
  return fs.existsSync(path.join(dir, "PG_VERSION"));
}

// ---- Migration level -------------------------------------------------------------------------

/** The journal's entries ({ tag, when }) of the migrations in `migrationsFolder`. */
export function readJournal(migrationsFolder) {
  return JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")).entries;
}

/** The migration a database is at, from drizzle's created_at of its newest applied migration. */
export function migrationLevel(createdAt, entries) {
  if (createdAt === null || createdAt === undefined) return { tag: null, createdAt: null };
  const when = Number(createdAt);
  return { tag: entries.find((entry) => entry.when === when)?.tag ?? null, createdAt: when };
}

export const LATEST_MIGRATION_SQL = "select max(created_at)::text as latest from drizzle.__drizzle_migrations";

// ---- Files -----------------------------------------------------------------------------------

export function isGzip(bytes) {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

export function sha256(bytes) {
  return createHash("sha256").update(bytes).digest("hex");
}

/** A time as a folder name: 2026-11-29T23-05-00Z (no colons, which some file systems refuse). */
export function stampOf(date) {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replaceAll(":", "-");
}

/**
 * Copies a media folder, leaving out half-written files (LocalDiskStorage writes `<name>.<uuid>.tmp`
 * and renames). Returns the number of files and bytes copied. A missing source is an empty folder.
 */
export function copyMedia(from, to) {
  let files = 0;
  let bytes = 0;
  fs.mkdirSync(to, { recursive: true });
  if (!fs.existsSync(from)) return { files, bytes };
  fs.cpSync(from, to, {
    recursive: true,
    filter: (source) => {
      const stat = fs.lstatSync(source);
      if (stat.isDirectory()) return true;
      if (!stat.isFile() || source.endsWith(".tmp")) return false;
      files += 1;
      bytes += stat.size;
      return true;
    },
  });
  return { files, bytes };
}
