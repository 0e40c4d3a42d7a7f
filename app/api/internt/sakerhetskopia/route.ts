import { z } from "zod";
import { dumpDatabase, getDb } from "@/db/client";
import { authSecret } from "@/lib/env";
import { crossSiteRefusal } from "@/lib/http/same-origin";
import { latestAppliedMigration } from "@/lib/health/check";
import { log } from "@/lib/log/log.mjs";
import { BACKUP_HEADERS, createNonceMemory, freshBackupRequest, validBackupSignature } from "@/lib/server/backup.mjs";

export const dynamic = "force-dynamic";

const headersSchema = z.object({
  at: z
    .string()
    .regex(/^\d{13}$/)
    .transform(Number),
  nonce: z.string().regex(/^[0-9a-f]{32}$/),
  signature: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});

const nonces = createNonceMemory();

const refuse = (status: number, message: string) => Response.json({ message }, { status, headers: { "cache-control": "no-store" } });

/**
 * The whole embedded database, for `npm run backup` on the same machine while the server holds the
 * data folder (scripts/backup.mjs). Nobody signs in here: only a request signed with the server's
 * AUTH_SECRET, made within the last minute and never shown before, gets an answer, since the answer
 * is everything. The request has no body; what is signed is in its headers.
 */
export async function POST(request: Request): Promise<Response> {
  // The script is not a browser; a browser here was sent by another site. (The request has no body to type-check.)
  const crossSite = crossSiteRefusal(request.headers);
  if (crossSite) return refuse(crossSite.status, crossSite.message);
  const parsed = headersSchema.safeParse({
    at: request.headers.get(BACKUP_HEADERS.at),
    nonce: request.headers.get(BACKUP_HEADERS.nonce),
    signature: request.headers.get(BACKUP_HEADERS.signature),
  });
  if (!parsed.success) return refuse(403, "Ogiltig signatur.");
  const { at, nonce, signature } = parsed.data;
  if (!validBackupSignature(authSecret(), at, nonce, signature)) return refuse(403, "Ogiltig signatur.");
  if (!freshBackupRequest(at)) return refuse(403, "Begäran är för gammal eller klockorna går olika.");
  if (!nonces.claim(nonce)) return refuse(403, "Begäran har redan använts.");

  const started = performance.now();
  const dump = await dumpDatabase();
  if (!dump) return refuse(409, "Databasen är PostgreSQL: säkerhetskopiera den med pg_dump (se README).");
  const migration = await latestAppliedMigration(await getDb());
  log.info("backup.served", { outcome: "done", durationMs: performance.now() - started, counts: { bytes: dump.size } });
  return new Response(dump.stream(), {
    headers: {
      "content-type": "application/gzip",
      "content-length": String(dump.size),
      "cache-control": "no-store",
      ...(migration === null ? {} : { [BACKUP_HEADERS.migration]: String(migration) }),
    },
  });
}
