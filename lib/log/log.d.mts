// Types for the plain-JavaScript logger (scripts run it without a build step).
export type LogLevel = "info" | "warn" | "error";

/** Everything a log line may carry. Ids, kinds and numbers: no addresses, names or bodies. */
export type LogFields = {
  message?: string;
  requestId?: string | null;
  userId?: string | null;
  jobId?: string | null;
  kind?: string;
  outcome?: string;
  /** Cleaned: query string and link tokens removed. */
  path?: string;
  method?: string;
  routePath?: string;
  routeType?: string;
  routerKind?: string;
  renderSource?: string;
  /** The id of a server error that Next also gives the error page: what a user quotes. */
  digest?: string;
  durationMs?: number;
  status?: number;
  attempts?: number;
  counts?: Record<string, number>;
  error?: unknown;
};

export type LogRecord = {
  time: string;
  level: LogLevel;
  event: string;
  counts?: Record<string, number>;
  error?: { name: string; message: string; digest?: string; stack?: string };
} & Omit<LogFields, "counts" | "error">;

export type Logger = { [L in LogLevel]: (event: string, fields?: LogFields) => void };

export declare const EMAIL_PLACEHOLDER: string;
export declare const TOKEN_PLACEHOLDER: string;
export declare function scrub(text: unknown, max?: number): string;
export declare function cleanPath(path: string): string;
export declare function logRecord(level: LogLevel, event: string, fields?: LogFields, now?: Date): LogRecord;
export declare function createLogger(write?: (level: LogLevel, line: string) => void): Logger;
export declare const log: Logger;
export declare function since(started: number): number;
