// Types for the plain-JavaScript security-header layer (scripts/start.mjs loads the .mjs without a build step).
import type { IncomingMessage, ServerResponse } from "node:http";
export declare const HSTS: string;
export declare function publicPolicy(html: string, publicUrl: string | undefined): { policy: string; refused: string[] };
export declare function needsPolicy(method: string | undefined, status: number, headers: Record<string, unknown>): boolean;
export type SecurityHeaders = { handle(req: IncomingMessage, res: ServerResponse): void };
export declare function createSecurityHeaders(options?: {
  publicUrl?: string;
  maxBody?: number;
  warn?: (message: string) => void;
  policyOf?: typeof publicPolicy;
}): SecurityHeaders;
