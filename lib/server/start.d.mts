// Types for `npm start` (lib/server/start.mjs, run by scripts/start.mjs), for its tests.
export declare function workerCount(env: Record<string, string | undefined>, cores: number): number;
export declare function relay(workers: { id: number; send(message: unknown): void; isConnected?(): boolean }[], from: { id: number }, message: unknown): number;
export declare function serverOptions(args: string[], env: Record<string, string | undefined>): { port: number; hostname: string | undefined };
export declare function microCacheTtl(env: Record<string, string | undefined>): number;
export declare function cacheBusFor(env: Record<string, string | undefined>, deliver: (tags: string[]) => void): import("./cache-bus.mjs").CacheBus | null;
export declare function main(): Promise<void>;
