// Types for the plain-JavaScript backup helpers (the backup scripts run them without a build step).
export declare const BACKUP_ROUTE: "/api/internt/sakerhetskopia";
export declare const BACKUP_HEADERS: {
  readonly at: "x-kb-backup-at";
  readonly nonce: "x-kb-backup-nonce";
  readonly signature: "x-kb-signature";
  readonly migration: "x-kb-migration";
};
export declare const DATABASE_FILE: string;
export declare const MEDIA_FOLDER: string;
export declare const MANIFEST_FILE: string;
export declare const MANIFEST_FORMAT: string;
export declare const BACKUP_REQUEST_TTL_MS: number;
export declare const LATEST_MIGRATION_SQL: string;
export declare function backupSignature(secret: string, at: number, nonce: string): string;
export declare function validBackupSignature(secret: string, at: number, nonce: string, signature: string): boolean;
export declare function freshBackupRequest(at: number, now?: number): boolean;
export declare function createNonceMemory(ttlMs?: number): { claim(nonce: string, now?: number): boolean };
export declare function signedBackupHeaders(secret: string, at?: number, nonce?: string): Record<string, string>;
export declare class DatabaseHeldError extends Error {
  readonly pid: number;
  constructor(dir: string, pid: number);
}
export declare function lockPathFor(dir: string): string;
export declare function lockOwner(dir: string): number | null;
export declare function takeLock(dir: string): () => void;
export declare function isDataFolder(dir: string): boolean;
export type JournalEntry = { tag: string; when: number };
export declare function readJournal(migrationsFolder: string): JournalEntry[];
export declare function migrationLevel(createdAt: number | string | null | undefined, entries: JournalEntry[]): { tag: string | null; createdAt: number | null };
export declare function isGzip(bytes: Uint8Array): boolean;
export declare function sha256(bytes: Uint8Array): string;
export declare function stampOf(date: Date): string;
export declare function copyMedia(from: string, to: string): { files: number; bytes: number };
