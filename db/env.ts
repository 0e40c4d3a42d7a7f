import { z } from "zod";

/**
 * The database's part of the environment. lib/env.ts builds the app's whole schema on these fields,
 * so both read DATABASE_URL and PGLITE_DIR the same way; this module parses only them, so that the
 * database layer does not depend on the app's settings (mail, auth, URLs) to open itself.
 */
export const databaseEnvShape = {
  PGLITE_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
};

const databaseEnvSchema = z.object(databaseEnvShape);

export type DatabaseEnv = z.infer<typeof databaseEnvSchema>;

export function blankToUndefined(source: Record<string, string | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(source).map(([key, value]) => [key, value === "" ? undefined : value]));
}

/** Parses `source` with `schema`, naming every malformed variable in one error. */
export function parseEnvWith<T extends z.ZodType>(schema: T, source: Record<string, string | undefined>): z.infer<T> {
  const result = schema.safeParse(blankToUndefined(source));
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid environment configuration:\n${problems}`);
  }
  return result.data;
}

let parsed: DatabaseEnv | undefined;

/** Where the database is: DATABASE_URL (PostgreSQL) or PGLITE_DIR (the embedded one). Parsed on first use. */
export function databaseEnv(): DatabaseEnv {
  parsed ??= parseEnvWith(databaseEnvSchema, process.env);
  return parsed;
}

/**
 * True inside `next build`. The build prerenders pages in several worker processes; it must not
 * open the embedded database folder (one process only) nor need a database server at all.
 */
export function isBuildPhase(): boolean {
  return process.env.NEXT_PHASE === "phase-production-build";
}
