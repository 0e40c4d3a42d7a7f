import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DatabaseInUseError, acquireLock } from "@/db/pglite-lock";
import { drizzleOnPglite, migrateDb, migrationsFolder } from "@/db/open";
import { authSecret } from "@/lib/env";
import { BACKUP_HEADERS, BACKUP_ROUTE, DatabaseHeldError, lockOwner, lockPathFor, readJournal, signedBackupHeaders, takeLock } from "@/lib/server/backup.mjs";
import { backup } from "./backup.mjs";
import { restore } from "./restore.mjs";

// The route's database is "the server's": a PGlite this test opens on the data folder, while the
// lock file names a live process that is not this one (the test runner's parent), as a server's would.
const state = vi.hoisted(() => ({ server: null as PGlite | null }));
vi.mock("@/db/client", () => ({
  dumpDatabase: async () => (state.server ? state.server.dumpDataDir("gzip") : null),
  getDb: async () => drizzleOnPglite(state.server!),
}));
const { POST } = await import("@/app/api/internt/sakerhetskopia/route");

const LONG = 180_000;
let root: string;
let dataDir: string;
let mediaDir: string;
const photo = randomBytes(20_000);
const thumb = randomBytes(3_000);
const latestTag = readJournal(migrationsFolder).at(-1)!.tag;

const route = (url: URL, init: RequestInit) => POST(new Request(url, init));
const at = (name: string) => path.join(root, name);

async function rows(dir: string): Promise<string[]> {
  const client = await PGlite.create(dir);
  try {
    return (await client.query<{ email: string }>("select email from users order by email")).rows.map((row) => row.email);
  } finally {
    await client.close();
  }
}

function holdAsServer(dir: string): () => void {
  fs.writeFileSync(lockPathFor(dir), String(process.ppid));
  return () => fs.rmSync(lockPathFor(dir), { force: true });
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "kb-backup-"));
  dataDir = at("data");
  mediaDir = at("media");
  const client = await PGlite.create(dataDir);
  await migrateDb(drizzleOnPglite(client), "pglite");
  await client.query("insert into users (email, name, password_hash) values ('skribent@exempelby.test', 'Sara', 'x'), ('utgivare@exempelby.test', 'Karin', 'x')");
  await client.close();
  fs.mkdirSync(path.join(mediaDir, "0b7c1e1a-7d2c-4f6e-9a55-1b2c3d4e5f60"), { recursive: true });
  fs.writeFileSync(path.join(mediaDir, "0b7c1e1a-7d2c-4f6e-9a55-1b2c3d4e5f60", "960.webp"), photo);
  fs.writeFileSync(path.join(mediaDir, "0b7c1e1a-7d2c-4f6e-9a55-1b2c3d4e5f60", "320.webp"), thumb);
  // Half-written by an upload in progress: not part of any backup.
  fs.writeFileSync(path.join(mediaDir, "0b7c1e1a-7d2c-4f6e-9a55-1b2c3d4e5f60", "1920.webp.1234.tmp"), "x");
}, LONG);

afterAll(async () => {
  await state.server?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe("the data folder's lock, as the scripts and the app take it", () => {
  it("is one lock: a live holder stops both, and each sees the other's", () => {
    const dir = at("lock-probe");
    const release = holdAsServer(dir);
    expect(lockOwner(dir)).toBe(process.ppid);
    expect(() => takeLock(dir)).toThrow(DatabaseHeldError);
    expect(() => acquireLock(dir)).toThrow(DatabaseInUseError);
    release();
    expect(lockOwner(dir)).toBeNull();
    const mine = takeLock(dir);
    expect(fs.readFileSync(lockPathFor(dir), "utf8")).toBe(String(process.pid));
    mine();
    expect(fs.existsSync(lockPathFor(dir))).toBe(false);
  });
});

describe("npm run backup and npm run restore", () => {
  it(
    "backs up a folder no server holds, and restores it into another folder with the same rows and files",
    async () => {
      const { folder, manifest } = await backup({ pgliteDir: dataDir, mediaDir, out: at("backups"), url: "http://127.0.0.1:9", now: new Date("2026-11-29T20:00:00Z") });
      expect(path.basename(folder)).toBe("2026-11-29T20-00-00Z");
      expect(manifest).toMatchObject({ source: "folder", database: { kind: "pglite", migration: { tag: latestTag } }, media: { files: 2, bytes: photo.length + thumb.length } });
      expect(fs.readdirSync(folder).sort()).toEqual(["database.tar.gz", "manifest.json", "media"]);
      expect(fs.existsSync(lockPathFor(dataDir))).toBe(false);

      await restore({ backupFolder: folder, pgliteDir: at("elsewhere/data"), mediaDir: at("elsewhere/media") });
      expect(await rows(at("elsewhere/data"))).toEqual(["skribent@exempelby.test", "utgivare@exempelby.test"]);
      const restoredMedia = path.join(at("elsewhere/media"), "0b7c1e1a-7d2c-4f6e-9a55-1b2c3d4e5f60");
      expect(fs.readdirSync(restoredMedia).sort()).toEqual(["320.webp", "960.webp"]);
      expect(fs.readFileSync(path.join(restoredMedia, "960.webp")).equals(photo)).toBe(true);
      expect(fs.readdirSync(at("elsewhere")).sort()).toEqual(["data", "media"]);
    },
    LONG,
  );

  it(
    "asks the running server through the signed route, refuses a wrong signature, a replay and a stale request, and restores over the old folders once the server is stopped",
    async () => {
      const released = holdAsServer(dataDir);
      state.server = await PGlite.create(dataDir);
      try {
        await state.server.query("insert into users (email, name, password_hash) values ('redaktor@exempelby.test', 'Jonas', 'x')");

        await expect(backup({ pgliteDir: dataDir, mediaDir, out: at("backups"), url: "http://127.0.0.1:9", secret: "fel-hemlighet-".repeat(4), fetchImpl: route })).rejects.toThrow(
          /HTTP 403: Ogiltig signatur/,
        );
        await expect(backup({ pgliteDir: dataDir, mediaDir, out: at("backups"), url: "http://127.0.0.1:9", fetchImpl: route })).rejects.toThrow(/AUTH_SECRET saknas/);
        expect(fs.readdirSync(at("backups"))).toHaveLength(1);

        const url = new URL(BACKUP_ROUTE, "http://127.0.0.1:9");
        const headers = signedBackupHeaders(authSecret());
        const first = await POST(new Request(url, { method: "POST", headers }));
        expect(first.status).toBe(200);
        await first.arrayBuffer();
        const replay = await POST(new Request(url, { method: "POST", headers }));
        expect(replay.status).toBe(403);
        expect(await replay.json()).toEqual({ message: "Begäran har redan använts." });
        const stale = await POST(new Request(url, { method: "POST", headers: signedBackupHeaders(authSecret(), Date.now() - 5 * 60_000) }));
        expect(stale.status).toBe(403);
        const unsigned = await POST(new Request(url, { method: "POST", headers: { ...headers, [BACKUP_HEADERS.signature]: undefined! } }));
        expect(unsigned.status).toBe(403);

        const { folder, manifest } = await backup({
          pgliteDir: dataDir,
          mediaDir,
          out: at("backups"),
          url: "http://127.0.0.1:9",
          secret: authSecret(),
          fetchImpl: route,
          now: new Date("2026-11-29T21:00:00Z"),
        });
        expect(manifest).toMatchObject({ source: "server", database: { migration: { tag: latestTag } }, media: { files: 2 } });

        await expect(restore({ backupFolder: folder, pgliteDir: dataDir, mediaDir })).rejects.toThrow(DatabaseHeldError);

        // What happens after the backup is what a restore takes back.
        await state.server.query("delete from users where email = 'skribent@exempelby.test'");
        fs.rmSync(path.join(mediaDir, "0b7c1e1a-7d2c-4f6e-9a55-1b2c3d4e5f60", "960.webp"));
        await state.server.close();
        state.server = null;
        released();

        await restore({ backupFolder: folder, pgliteDir: dataDir, mediaDir });
        expect(await rows(dataDir)).toEqual(["redaktor@exempelby.test", "skribent@exempelby.test", "utgivare@exempelby.test"]);
        expect(fs.readFileSync(path.join(mediaDir, "0b7c1e1a-7d2c-4f6e-9a55-1b2c3d4e5f60", "960.webp")).equals(photo)).toBe(true);
        expect(fs.readdirSync(root).filter((name) => /aterstall/.test(name))).toEqual([]);
        expect(fs.existsSync(lockPathFor(dataDir))).toBe(false);
      } finally {
        await state.server?.close();
        state.server = null;
        released();
      }
    },
    LONG,
  );

  it(
    "refuses a backup whose tarball was changed, and leaves the folders as they were",
    async () => {
      const [name] = fs.readdirSync(at("backups")).sort();
      const copy = at("tampered");
      fs.cpSync(path.join(at("backups"), name!), copy, { recursive: true });
      fs.appendFileSync(path.join(copy, "database.tar.gz"), "x");
      const before = fs.readdirSync(root).sort();
      await expect(restore({ backupFolder: copy, pgliteDir: dataDir, mediaDir })).rejects.toThrow(/stämmer inte med manifestet/);
      expect(fs.readdirSync(root).sort()).toEqual(before);
      expect(await rows(dataDir)).toHaveLength(3);
    },
    LONG,
  );
});
