// Types for the plain-JavaScript hostile-address guard (scripts/start.mjs loads the .mjs without a build step).
export declare const MAX_SEGMENT_LENGTH: number;
export declare function hostileUrlReason(url: string | undefined): "bad-encoding" | "control-character" | "long-segment" | null;
export declare function refuseHostileUrl(
  req: { url?: string; method?: string },
  res: { writeHead(status: number, headers: Record<string, string | number>): unknown; end(body?: Buffer): unknown },
): boolean;
