// Types for `npm run backup` (plain JavaScript), for the tests.
export type BackupManifest = {
  format: string;
  version: 1;
  createdAt: string;
  source: "server" | "folder";
  database: { kind: "pglite"; file: string; bytes: number; sha256: string; migration: { tag: string | null; createdAt: number | null } };
  media: { folder: string; files: number; bytes: number };
};
export declare const PG_DUMP_ADVICE: string;
export declare class BackupError extends Error {}
export declare function backup(options: {
  pgliteDir: string;
  mediaDir: string;
  out: string;
  url: string;
  secret?: string;
  migrationsFolder?: string;
  now?: Date;
  fetchImpl?: (input: URL, init: RequestInit) => Promise<Response>;
}): Promise<{ folder: string; manifest: BackupManifest }>;
export declare function backupArgs(args: string[], env: Record<string, string | undefined>): { out: string; url: string };
