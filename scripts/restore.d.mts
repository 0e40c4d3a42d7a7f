// Types for `npm run restore` (plain JavaScript), for the tests.
import type { BackupManifest } from "./backup.mjs";
export declare class RestoreError extends Error {}
export declare function restore(options: { backupFolder: string; pgliteDir: string; mediaDir: string; now?: Date }): Promise<{ manifest: BackupManifest }>;
