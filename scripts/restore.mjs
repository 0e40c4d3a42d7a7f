// `npm run restore -- <backup folder>`: puts a backup made by `npm run backup` back in place of the
// embedded database (PGLITE_DIR) and the media folder (MEDIA_DIR). The server must be stopped.
//
// Nothing is replaced until the backup has been read in full: the database is loaded into a fresh
// folder beside the old one and checked, the media are copied beside theirs, and only then are the
// folders swapped, the old ones kept aside until both swaps succeeded. A failure on the way leaves
// the old folders as they were.
import fs from "node:fs";
import path from "node:path";
import nextEnv from "@next/env";
import { DATABASE_FILE, LATEST_MIGRATION_SQL, MANIFEST_FILE, MANIFEST_FORMAT, MEDIA_FOLDER, sha256, stampOf, takeLock } from "../lib/server/backup.mjs";

const root = path.resolve(import.meta.dirname, "..");

export class RestoreError extends Error {
  name = "RestoreError";
}

function readManifest(folder) {
  const file = path.join(folder, MANIFEST_FILE);
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    throw new RestoreError(`${folder} är ingen säkerhetskopia: ${MANIFEST_FILE} saknas eller går inte att läsa.`);
  }
  if (manifest?.format !== MANIFEST_FORMAT || manifest.version !== 1 || manifest.database?.kind !== "pglite") {
    throw new RestoreError(`${file} beskriver ingen säkerhetskopia som det här skriptet kan återställa.`);
  }
  return manifest;
}

/** Loads the tarball into a new folder and checks that the database opens at the backup's migration. */
async function loadDatabase(bytes, into, manifest) {
  const { PGlite } = await import("@electric-sql/pglite");
  const client = await PGlite.create({ dataDir: into, loadDataDir: new Blob([bytes], { type: "application/x-gzip" }) });
  try {
    const latest = (await client.query(LATEST_MIGRATION_SQL)).rows[0]?.latest ?? null;
    const expected = manifest.database.migration?.createdAt ?? null;
    if (expected !== null && Number(latest) !== expected) {
      throw new RestoreError(`Databasen i säkerhetskopian är på en annan migrering (${latest}) än manifestet säger (${expected}).`);
    }
  } finally {
    await client.close();
  }
}

/** Moves `fresh` into `target`'s place; returns the undo, and where the old folder went (or null). */
function swapIn(fresh, target, aside) {
  const had = fs.existsSync(target);
  if (had) fs.renameSync(target, aside);
  try {
    fs.renameSync(fresh, target);
  } catch (error) {
    if (had) fs.renameSync(aside, target);
    throw error;
  }
  return {
    old: had ? aside : null,
    undo: () => {
      fs.rmSync(target, { recursive: true, force: true });
      if (had) fs.renameSync(aside, target);
    },
  };
}

/**
 * Restores `backupFolder` into `pgliteDir` and `mediaDir`. Throws DatabaseHeldError while a server
 * holds the data folder.
 * @param {{ backupFolder: string; pgliteDir: string; mediaDir: string; now?: Date }} options
 */
export async function restore({ backupFolder, pgliteDir, mediaDir, now = new Date() }) {
  const folder = path.resolve(backupFolder);
  const dataDir = path.resolve(pgliteDir);
  const media = path.resolve(mediaDir);
  const manifest = readManifest(folder);
  const bytes = fs.readFileSync(path.join(folder, DATABASE_FILE));
  if (sha256(bytes) !== manifest.database.sha256) throw new RestoreError(`${DATABASE_FILE} stämmer inte med manifestet: filen är skadad eller ändrad.`);

  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const release = takeLock(dataDir);
  const stamp = stampOf(now);
  const freshData = `${dataDir}.aterstalls-${stamp}`;
  const freshMedia = `${media}.aterstalls-${stamp}`;
  const undos = [];
  try {
    fs.rmSync(freshData, { recursive: true, force: true });
    await loadDatabase(bytes, freshData, manifest);
    fs.rmSync(freshMedia, { recursive: true, force: true });
    const backupMedia = path.join(folder, MEDIA_FOLDER);
    if (fs.existsSync(backupMedia)) fs.cpSync(backupMedia, freshMedia, { recursive: true });
    else fs.mkdirSync(freshMedia, { recursive: true });

    const data = swapIn(freshData, dataDir, `${dataDir}.fore-aterstallning-${stamp}`);
    undos.push(data.undo);
    const mediaSwap = swapIn(freshMedia, media, `${media}.fore-aterstallning-${stamp}`);
    undos.push(mediaSwap.undo);
    // Both are in place: the old folders are no longer needed.
    for (const old of [data.old, mediaSwap.old]) if (old) fs.rmSync(old, { recursive: true, force: true });
    return { manifest };
  } catch (error) {
    for (const undo of undos.reverse()) undo();
    fs.rmSync(freshData, { recursive: true, force: true });
    fs.rmSync(freshMedia, { recursive: true, force: true });
    throw error;
  } finally {
    release();
  }
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  nextEnv.loadEnvConfig(root, false, { info: () => {}, error: console.error });
  const env = process.env;
  const args = process.argv.slice(2);
  try {
    if (env.DATABASE_URL) {
      throw new RestoreError("Databasen är PostgreSQL (DATABASE_URL): återställ den med pg_restore och mediemappen med rsync; se README, avsnittet om säkerhetskopior.");
    }
    if (args.length !== 1 || args[0].startsWith("-")) throw new RestoreError("Ange säkerhetskopians mapp: npm run restore -- backups/<tid>");
    const pgliteDir = env.PGLITE_DIR || "./data";
    const { manifest } = await restore({ backupFolder: args[0], pgliteDir, mediaDir: env.MEDIA_DIR || "./media" });
    console.log(`Återställt från säkerhetskopian ${manifest.createdAt} (migrering ${manifest.database.migration?.tag ?? "okänd"}, ${manifest.media.files} mediefiler).`);
    console.log("Starta servern igen; den kör de migreringar som kommit till sedan kopian togs.");
  } catch (error) {
    if (error?.name === "DatabaseHeldError") {
      console.error(`${error.message}\nStoppa servern innan du återställer: en databas kan inte bytas ut medan den används.`);
    } else {
      console.error(error instanceof RestoreError ? error.message : error);
    }
    process.exit(1);
  }
}
