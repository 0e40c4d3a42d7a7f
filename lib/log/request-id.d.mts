// Types for the plain-JavaScript request ids (the custom server loads the .mjs without a build step).
export declare const REQUEST_ID_HEADER: "x-request-id";
export declare function requestIdFrom(value: string | string[] | undefined | null): string;
export declare function stampRequestId(req: { headers: Record<string, string | string[] | undefined> }, res: { setHeader(name: string, value: string): unknown }): string;
