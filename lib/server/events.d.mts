// Types for the plain-JavaScript event names of the server (lib/server/events.mjs, where each is described).
// Plain strings: Node's typings of process.on/emit know their own events only.
export declare const PAGE_CACHE_DROPPED: string;
export declare const PAGE_CACHE_REVALIDATED: string;
export declare const PAGE_CACHE_REMOTE: string;
export declare const PAGE_CACHE_MESSAGE: string;
export type PageCacheMessage = { type: string; tags: string[] };
export declare function pageCacheMessage(tags: string[]): PageCacheMessage;
export declare const CACHE_BUS_CHANNEL: string;
export declare const ALL_PAGES: string;
export declare function pageCacheHandlerPath(): string;
