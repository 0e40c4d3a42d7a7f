// Types for the plain-JavaScript search gate (scripts/start.mjs loads the .mjs without a build step).
import type { IncomingMessage, ServerResponse } from "node:http";
type RequestLike = { method?: string; url?: string; headers: Record<string, string | string[] | undefined> };
export declare function isSearchRequest(req: RequestLike): boolean;
export declare function busyPage(url: string, retryAfterSeconds: number): string;
export declare function searchGateOptions(
  env: Record<string, string | undefined>,
  workers?: number,
): { concurrency: number; maxQueue: number; maxWaitMs: number; ratePerSecond: number };
export type SearchGate = {
  stats: { admitted: number; refused: number; queued: number };
  active(): number;
  waiting(): number;
  handle(req: IncomingMessage, res: ServerResponse, next: () => void): boolean;
};
export declare function createSearchGate(options?: {
  concurrency?: number;
  maxQueue?: number;
  maxWaitMs?: number;
  ratePerSecond?: number;
  retryAfterSeconds?: number;
  now?: () => number;
}): SearchGate;
