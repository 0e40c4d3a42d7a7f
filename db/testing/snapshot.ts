import { sql } from "drizzle-orm";
import type { Db } from "../types";

/**
 * A fingerprint of every table in the public schema: its row count and a hash of its rows (order
 * ignored). "Refused and nothing written" is then one comparison, and a difference names the table.
 * The table list is read each time, so a table added by a later migration is covered without an edit.
 */
export async function snapshotDb(db: Db): Promise<Record<string, string>> {
  const tables = await rows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  if (tables.length === 0) throw new Error("snapshotDb: no tables; is the database migrated?");
  // One round trip for all tables: the suite takes a snapshot before and after every refused call.
  const parts = tables.map(
    ({ name }) =>
      sql`select ${name}::text as name, count(*)::int as n, coalesce(md5(string_agg(md5(t::text), '' order by md5(t::text))), '') as hash from ${sql.identifier(name)} t`,
  );
  const all = await rows<{ name: string; n: number; hash: string }>(db, sql.join(parts, sql` union all `));
  return Object.fromEntries(all.map((row) => [row.name, `${row.n} rows ${row.hash}`]));
}

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
