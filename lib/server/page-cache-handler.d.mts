// Types for the plain-JavaScript page cache handler (Next loads the .mjs at run time).
export type CacheEntry = { value: unknown; lastModified: number; tags: string[]; cacheControl?: unknown };
export default class PageCacheHandler {
  get(key: string): Promise<CacheEntry | null>;
  set(key: string, value: unknown, ctx?: { tags?: string[]; cacheControl?: unknown }): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
  resetRequestCache(): void;
}
export declare function receivePageCacheMessage(message: unknown): boolean;
export declare function pageCacheStats(): { entries: number; bytes: number };
