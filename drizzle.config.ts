import { defineConfig } from "drizzle-kit";

// Only generates migrations from the schema; they are applied by the app at start-up (db/migrate.ts).
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  casing: "snake_case",
});
