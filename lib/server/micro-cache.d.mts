// Types for the plain-JavaScript micro-cache (scripts/start.mjs loads the .mjs without a build step).
import type { IncomingMessage, ServerResponse } from "node:http";
type RequestLike = { method?: string; url?: string; headers: Record<string, string | string[] | undefined> };
export declare function cacheableRequest(req: RequestLike): boolean;
export declare function cacheableResponse(status: number, headers: Record<string, unknown>): boolean;
export declare function acceptedEncodings(header: string | string[] | undefined): (coding: string) => boolean;
export type MicroCache = {
  clear(): void;
  size(): number;
  close(): void;
  handle(req: IncomingMessage, res: ServerResponse): boolean;
};
export declare function createMicroCache(options?: {
  ttlMs?: number;
  maxEntries?: number;
  now?: () => number;
  request?: (req: RequestLike) => boolean;
  response?: (status: number, headers: Record<string, unknown>) => boolean;
}): MicroCache;
