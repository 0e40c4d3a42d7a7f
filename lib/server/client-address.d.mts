// Types for the plain-JavaScript client address (scripts/start.mjs loads the .mjs without a build step).
export declare const CLIENT_ADDRESS_HEADER: "x-kb-client-address";
export declare function trustedProxies(env: Record<string, string | undefined>): number;
export declare function normalizeAddress(raw: string | undefined | null): string | null;
export declare function clientAddress(socketAddress: string | undefined | null, forwardedFor: string | string[] | undefined | null, trustedProxies: number): string | null;
export declare function stampClientAddress(
  req: { headers: Record<string, string | string[] | undefined>; socket?: { remoteAddress?: string } | null },
  trustedProxies: number,
): void;
export declare function stampedClientAddress(headers: { get(name: string): string | null }): string | null;
