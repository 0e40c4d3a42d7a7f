import { getDb } from "@/db/client";
import { checkHealth } from "@/lib/health/check";
import { log } from "@/lib/log/log.mjs";

// Asked afresh every time: a cached "up" would hide the outage it is there to show.
export const dynamic = "force-dynamic";

const REASONS = {
  database: "Databasen svarar inte.",
  migrations: "Databasen saknar migreringar som den här versionen behöver.",
} as const;

/**
 * For load balancers and monitoring: 200 when the database answers and is migrated, 503 otherwise.
 * Anyone may ask, and there is nothing to validate: the route takes no input, and its answer says
 * up or down and why, never anything from the database.
 */
export async function GET(): Promise<Response> {
  const health = await checkHealth(getDb);
  const headers = { "cache-control": "no-store" };
  if (health.ok) return Response.json({ status: "ok" }, { headers });
  log.warn("health.unavailable", { outcome: health.reason, error: health.error });
  return Response.json({ status: "fel", orsak: REASONS[health.reason] }, { status: 503, headers });
}
