import { getDb } from "@/db/client";
import { seedDemo } from "@/lib/demo/demo";
import { demoLoginLines } from "@/lib/demo/demo-users";
import { authSecret, env } from "@/lib/env";
import { startWorker } from "@/lib/jobs/worker/worker";
import { formatDateTime } from "@/lib/format";
import { ensureFirstAdmin } from "@/lib/setup/first-admin";
import { backfillAuthorSlugs } from "@/lib/users/author-slugs";

export async function startUp(): Promise<void> {
  const config = env();
  // Fail at start rather than at the first log-in when production has no signing secret.
  authSecret();
  const db = await getDb();
  console.log(`Databas: ${config.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `inbyggd PGlite i ${config.PGLITE_DIR}`}, migrerad.`);
  // Accounts from before author slugs were stored get the address they already had (once; a no-op after).
  await backfillAuthorSlugs(db);
  // After seeding, so the first pass (the catch-up of anything missed while down) sees the demo too.
  try {
    await seedDemoIfAsked(db, config.SEED_DEMO);
    await firstAdminIfNeeded(db, config);
  } finally {
    startWorker(db);
  }
}

async function seedDemoIfAsked(db: Awaited<ReturnType<typeof getDb>>, mode: "0" | "1" | "force"): Promise<void> {
  if (mode === "0") return;
  const config = { SEED_DEMO: mode };
  const outcome = await seedDemo(db, { force: config.SEED_DEMO === "force" });
  if (outcome === "refused-has-content") {
    console.warn("Demoinnehållet lades inte in: databasen har redan annat innehåll. Sätt SEED_DEMO=force om du verkligen vill lägga till det.");
    return;
  }
  console.log(outcome === "seeded" ? "Demokommunen Exempelby kommun är inlagd." : "Demokommunen finns redan i databasen.");
  for (const line of demoLoginLines()) console.log(line);
}

async function firstAdminIfNeeded(db: Awaited<ReturnType<typeof getDb>>, config: ReturnType<typeof env>): Promise<void> {
  const outcome = await ensureFirstAdmin(db, { email: config.FIRST_ADMIN_EMAIL, name: config.FIRST_ADMIN_NAME, municipalityName: config.MUNICIPALITY_NAME });
  if (outcome.kind === "no-email") {
    console.warn(
      "Det finns ingen administratör som kan logga in. Starta med FIRST_ADMIN_EMAIL=<e-postadress> så skrivs en länk ut där den första administratören väljer lösenord.",
    );
  } else if (outcome.kind === "invited") {
    console.log(`Den första administratören (${outcome.email}) väljer lösenord här, senast ${formatDateTime(outcome.expiresAt)}:`);
    console.log(`  ${new URL(outcome.path, config.PUBLIC_URL).toString()}`);
  }
}
