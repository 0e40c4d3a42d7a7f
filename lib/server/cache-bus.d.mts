// Types for the plain-JavaScript cache bus (scripts/start.mjs loads the .mjs without a build step).
export declare const CACHE_BUS_CHANNEL: string;
export declare const MAX_PAYLOAD_BYTES: number;
export declare function payloads(from: string, tags: string[], maxBytes?: number): string[];
export declare function remoteTags(self: string, payload: string | undefined): string[] | null;
export type CacheBus = {
  readonly id: string;
  readonly listening: boolean;
  publish(tags: string[]): Promise<void>;
  close(): Promise<void>;
};
export declare function createCacheBus(options: {
  url: string;
  onRemote: (tags: string[]) => void;
  channel?: string;
  retryMs?: number;
  log?: Pick<Console, "log" | "error">;
}): CacheBus;
