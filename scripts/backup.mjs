// `npm run backup [-- --out <folder>] [--url <server address>]`: a backup of the embedded database
// and the media folder, as a folder backups/<time>/ (layout: lib/server/backup.mjs).
//
// The embedded database (PGlite) serves one process. While the server runs it holds the data folder,
// so the script asks it, through a request signed with AUTH_SECRET, for a consistent copy made while
// it runs (POST /api/internt/sakerhetskopia). When no server runs, the script takes the folder's lock
// and copies it itself. On PostgreSQL the database is backed up with pg_dump; the script says how.
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { gzipSync } from "node:zlib";
import nextEnv from "@next/env";
import {
  BACKUP_HEADERS,
  BACKUP_ROUTE,
  copyMedia,
  DATABASE_FILE,
  isDataFolder,
  isGzip,
  LATEST_MIGRATION_SQL,
  lockOwner,
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  MEDIA_FOLDER,
  migrationLevel,
  readJournal,
  sha256,
  signedBackupHeaders,
  stampOf,
  takeLock,
} from "../lib/server/backup.mjs";

const root = path.resolve(import.meta.dirname, "..");

/** The pg_dump a PostgreSQL installation is backed up with (custom format: pg_restore reads it). */
export const PG_DUMP_ADVICE = [
  "Databasen är PostgreSQL (DATABASE_URL): säkerhetskopiera den med pg_dump, till exempel",
  '  pg_dump --format=custom --no-owner --file="kommunbladet-$(date +%F).dump" "$DATABASE_URL"',
  "och mediemappen (MEDIA_DIR) med till exempel rsync -a. Återställ med",
  '  pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" kommunbladet-<datum>.dump',
  "Se README, avsnittet om säkerhetskopior.",
].join("\n");

export class BackupError extends Error {
  name = "BackupError";
}

/** Asks the running server for its database; writes the tarball to `file`; returns its migration level. */
async function fromServer({ url, secret, file, fetchImpl }) {
  if (!secret) {
    throw new BackupError("AUTH_SECRET saknas: servern kan inte tillfrågas. Sätt samma AUTH_SECRET som servern har (till exempel i .env.local).");
  }
  let response;
  try {
    response = await fetchImpl(new URL(BACKUP_ROUTE, url), { method: "POST", headers: signedBackupHeaders(secret), signal: AbortSignal.timeout(15 * 60_000) });
  } catch (error) {
    throw new BackupError(`Servern på ${url} svarar inte (${error instanceof Error ? error.message : error}). Ange dess adress med --url eller --port.`);
  }
  if (!response.ok || !response.body) {
    const reason = await response.json().then(
      (body) => body?.message,
      () => undefined,
    );
    throw new BackupError(
      `Servern vägrade säkerhetskopian (HTTP ${response.status}${reason ? `: ${reason}` : ""}).${response.status === 403 ? " Har skriptet samma AUTH_SECRET som servern, och går klockorna rätt?" : ""}`,
    );
  }
  await pipeline(Readable.fromWeb(response.body), fs.createWriteStream(file, { flags: "wx" }));
  const applied = response.headers.get(BACKUP_HEADERS.migration);
  return applied ? Number(applied) : null;
}

/** Opens the data folder itself (no server holds it) and writes its tarball to `file`. */
async function fromFolder({ pgliteDir, file }) {
  if (!isDataFolder(pgliteDir)) throw new BackupError(`Det finns ingen databas i ${pgliteDir} (PGLITE_DIR).`);
  const release = takeLock(pgliteDir);
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const client = await PGlite.create(pgliteDir);
    try {
      const applied = (await client.query(LATEST_MIGRATION_SQL)).rows[0]?.latest ?? null;
      const dump = await client.dumpDataDir("gzip");
      fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()), { flag: "wx" });
      return applied === null ? null : Number(applied);
    } finally {
      await client.close();
    }
  } finally {
    release();
  }
}

/**
 * Makes one backup folder under `out`; returns its path and manifest. `fetchImpl` lets the tests
 * hand the request to the route handler itself.
 * @param {{ pgliteDir: string; mediaDir: string; out: string; url: string; secret?: string; migrationsFolder?: string; now?: Date; fetchImpl?: typeof fetch }} options
 */
export async function backup({ pgliteDir, mediaDir, out, url, secret, migrationsFolder = path.join(root, "db", "migrations"), now = new Date(), fetchImpl = fetch }) {
  const folder = path.join(path.resolve(out), stampOf(now));
  const partial = `${folder}.partial`;
  if (fs.existsSync(folder)) throw new BackupError(`${folder} finns redan.`);
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(partial, { recursive: true });
  try {
    const file = path.join(partial, DATABASE_FILE);
    const owner = lockOwner(path.resolve(pgliteDir));
    // Database first: media are written before the rows that name them, so every file the copied
    // rows need is in the media copy made after it.
    const applied = owner ? await fromServer({ url, secret, file, fetchImpl }) : await fromFolder({ pgliteDir: path.resolve(pgliteDir), file });
    let bytes = fs.readFileSync(file);
    if (!isGzip(bytes)) {
      bytes = gzipSync(bytes);
      fs.writeFileSync(file, bytes);
    }
    const media = copyMedia(path.resolve(mediaDir), path.join(partial, MEDIA_FOLDER));
    const manifest = {
      format: MANIFEST_FORMAT,
      version: 1,
      createdAt: now.toISOString(),
      source: owner ? "server" : "folder",
      database: { kind: "pglite", file: DATABASE_FILE, bytes: bytes.length, sha256: sha256(bytes), migration: migrationLevel(applied, readJournal(migrationsFolder)) },
      media: { folder: MEDIA_FOLDER, ...media },
    };
    fs.writeFileSync(path.join(partial, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    fs.renameSync(partial, folder);
    return { folder, manifest };
  } catch (error) {
    fs.rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}

/** `--out x`, `--url x`, `--port n`, also as `--out=x`. */
export function backupArgs(args, env) {
  const options = { out: env.BACKUP_DIR || "backups", url: `http://127.0.0.1:${env.PORT || 3000}` };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split("=", 2);
    const value = inline ?? args[i + 1];
    if (!["--out", "--url", "--port"].includes(flag)) throw new BackupError(`Okänt argument: ${args[i]}. Använd --out <mapp>, --url <adress> eller --port <port>.`);
    if (value === undefined) throw new BackupError(`${flag} saknar värde.`);
    if (flag === "--out") options.out = value;
    else if (flag === "--url") options.url = value;
    else options.url = `http://127.0.0.1:${value}`;
    if (inline === undefined) i++;
  }
  return options;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  // The .env files the server reads, so AUTH_SECRET and PGLITE_DIR are the server's.
  nextEnv.loadEnvConfig(root, false, { info: () => {}, error: console.error });
  const env = process.env;
  try {
    if (env.DATABASE_URL) {
      console.error(PG_DUMP_ADVICE);
      process.exit(2);
    }
    const { out, url } = backupArgs(process.argv.slice(2), env);
    const { folder, manifest } = await backup({ pgliteDir: env.PGLITE_DIR || "./data", mediaDir: env.MEDIA_DIR || "./media", out, url, secret: env.AUTH_SECRET });
    const megabytes = (manifest.database.bytes / 1e6).toFixed(1);
    console.log(`Säkerhetskopian är klar: ${path.relative(process.cwd(), folder) || folder}`);
    console.log(
      `  databas ${megabytes} MB (${manifest.source === "server" ? "från den körande servern" : "direkt från mappen"}, migrering ${manifest.database.migration.tag ?? "okänd"}), ${manifest.media.files} mediefiler`,
    );
  } catch (error) {
    console.error(error instanceof BackupError || error?.name === "DatabaseHeldError" ? error.message : error);
    process.exit(1);
  }
}
