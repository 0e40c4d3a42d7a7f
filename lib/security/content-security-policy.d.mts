// Types for the plain-JavaScript policy module (scripts/start.mjs loads the .mjs without a build step).
export declare function contentSecurityPolicy(options: { scriptSources: string[]; publicUrl?: string; development?: boolean }): string;
export declare function nonceSources(nonce: string): string[];
export declare function hashSources(hashes: string[]): string[];
export declare function createNonce(): string;
export declare function isFrameworkScript(text: string): boolean;
export declare function inlineScripts(html: string): string[];
export declare function sha256Source(text: string): string;
export declare function scriptHashes(html: string): { hashes: string[]; refused: string[] };
