// Types for `npm start` (scripts/start.mjs), for its tests.
export declare function workerCount(env: Record<string, string | undefined>, cores: number): number;
export declare function relay(
  workers: { id: number; send(message: unknown): void; isConnected?(): boolean }[],
  from: { id: number },
  message: unknown,
): number;
