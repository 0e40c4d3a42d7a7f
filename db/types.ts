import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type * as schema from "./schema";

/** The common type of the PGlite and the node-postgres databases: code never needs to know which. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle; services that must join a caller's transaction take this. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;
