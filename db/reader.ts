import "server-only";
import { connection } from "next/server";
import { getDb } from "./client";

/**
 * The database for a reader page, read at request time: pages must never be prerendered from the
 * embedded database during `next build`, which runs in several processes.
 */
export async function readerDb() {
  await connection();
  return getDb();
}
