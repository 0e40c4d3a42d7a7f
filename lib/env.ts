import { z } from "zod";
import { databaseEnvShape, isBuildPhase, parseEnvWith } from "@/db/env";

export { isBuildPhase };

/**
 * The app's reader of process.env (the database layer reads its own part, db/env.ts, whose fields
 * this schema includes). Parsed on first use rather than at import, so that `next build` can
 * compile server modules on a machine that has none of the run-time secrets.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  PGLITE_DIR: databaseEnvShape.PGLITE_DIR,
  /** Folder of uploaded images (LocalDiskStorage); several instances need a shared folder or an object store. */
  MEDIA_DIR: z.string().min(1).default("./media"),
  DATABASE_URL: databaseEnvShape.DATABASE_URL,
  SEED_DEMO: z.enum(["0", "1", "force"]).default("0").describe("1: seed the demo municipality into an empty database; force: also into one with content"),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET måste vara minst 32 tecken").optional(),
  PUBLIC_URL: z.url().default("http://localhost:3000"),
  TRUSTED_PROXIES: z.coerce
    .number()
    .int()
    .min(0)
    .max(10)
    .default(0)
    .describe(
      "reverse proxies in front, each appending to X-Forwarded-For: the client's address is that many entries from the right (0: the socket's); scripts/start.mjs reads it",
    ),
  FIRST_ADMIN_EMAIL: z.string().optional().describe("a start without the demo: the first admin's address; its 'Välj lösenord' link is printed until an admin has a password"),
  FIRST_ADMIN_NAME: z.string().min(1).default("Administratör"),
  MUNICIPALITY_NAME: z.string().min(1).default("Kommunen").describe("the name a new site starts with, until the admin changes it under Inställningar"),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  TEST_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
});

export type Env = z.infer<typeof envSchema>;

let parsed: Env | undefined;

export function parseEnv(source: Record<string, string | undefined>): Env {
  return parseEnvWith(envSchema, source);
}

export function env(): Env {
  parsed ??= parseEnv(process.env);
  return parsed;
}

/** The signing secret for sessions. Production refuses to run without one; development gets a fixed one. */
export function authSecret(): string {
  const { AUTH_SECRET, NODE_ENV } = env();
  if (AUTH_SECRET) return AUTH_SECRET;
  if (NODE_ENV === "production") {
    throw new Error("AUTH_SECRET is not set. Generate one with: openssl rand -base64 33");
  }
  return "development-only-secret-never-used-in-production-0123456789";
}

/**
 * The port this server listens on, read when asked: `next start -p 3100` sets PORT only once it is
 * listening, after env() may already have been parsed at start-up.
 */
export function listeningPort(): number {
  const port = Number(process.env.PORT);
  return Number.isInteger(port) && port > 0 ? port : env().PORT;
}
