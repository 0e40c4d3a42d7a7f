// Types for the plain-JavaScript search cache (scripts/start.mjs loads the .mjs without a build step).
import type { MicroCache } from "./micro-cache.mjs";
type RequestLike = { method?: string; url?: string; headers: Record<string, string | string[] | undefined> };
export declare function keepableSearch(req: RequestLike): boolean;
export declare function keepableSearchAnswer(status: number, headers: Record<string, unknown>): boolean;
export declare function searchCacheTtl(env: Record<string, string | undefined>): number;
export declare function createSearchCache(options: { ttlMs: number; now?: () => number }): MicroCache;
