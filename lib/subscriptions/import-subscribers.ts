import { parse } from "csv-parse/sync";
import type { Db } from "@/db/types";
import { recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { MAX_EMAIL_INPUT, normalizeEmail } from "./email";
import { requestSubscription } from "./request-subscription";

export const MAX_IMPORT_BYTES = 1024 * 1024;
/** One request per row, each its own transaction: a bound that keeps an import within a request. */
export const MAX_IMPORT_ROWS = 5000;

export const TOO_LARGE_MESSAGE = "Filen är för stor. En import får vara högst 1 MB.";
export const NOT_CSV_MESSAGE = "Filen är inte en CSV-fil. Spara listan som CSV (UTF-8) med en e-postadress per rad och försök igen.";

export type ImportCounts = {
  /** A confirmation request was mailed. */
  requested: number;
  /** Already confirmed for every publication chosen: nothing sent. */
  alreadySubscribed: number;
  /** Asked within the last ten minutes: nothing new sent. */
  pending: number;
  /** Left earlier: never asked again by an import. */
  suppressed: number;
  invalid: number;
  duplicates: number;
  /** Over the per-address limit today. */
  limited: number;
};

const HEADER = /^(e-?post(adress)?|e-?mail(\s*address)?|mejl(adress)?)$/i;

/**
 * A list of addresses moved over from an earlier system. Each valid address gets a confirmation
 * request marked "import": nobody is subscribed without confirming themselves.
 */
export async function importSubscribers(db: Db, actor: CurrentUser, input: { bytes: Uint8Array; publicationIds: readonly string[]; now?: Date }): Promise<ImportCounts> {
  if (!can(actor, "subscribers.manage")) throw new AppError("FORBIDDEN", "Du får inte hantera prenumeranter.");
  if (input.bytes.byteLength > MAX_IMPORT_BYTES) throw new AppError("INVALID_INPUT", TOO_LARGE_MESSAGE);
  const cells = addressCells(input.bytes);

  const counts: ImportCounts = { requested: 0, alreadySubscribed: 0, pending: 0, suppressed: 0, invalid: 0, duplicates: 0, limited: 0 };
  const seen = new Set<string>();
  for (const cell of cells) {
    const email = normalizeEmail(cell);
    if (!email) {
      counts.invalid++;
      continue;
    }
    if (seen.has(email)) {
      counts.duplicates++;
      continue;
    }
    seen.add(email);
    const result = await requestSubscription(db, { email, publicationIds: input.publicationIds, method: "import", now: input.now });
    if (!result.ok) {
      if (result.code === "publication")
        throw new AppError("INVALID_INPUT", "Välj minst ett nyhetsbrev eller en blogg.", { publicationIds: ["Välj minst ett nyhetsbrev eller en blogg."] });
      if (result.code === "rate_limited") counts.limited++;
      else counts.invalid++;
      continue;
    }
    const key = ({ sent: "requested", already_subscribed: "alreadySubscribed", pending: "pending", suppressed: "suppressed" } as const)[result.outcome];
    counts[key]++;
  }
  await recordAudit(db, {
    actor: { id: actor.id, name: actor.name, role: actor.role },
    action: "subscriber.imported",
    entityType: "subscriber",
    entityId: "import",
    summary: `Importerade en lista: ${counts.requested} bekräftelseförfrågningar skickade`,
    details: { ...counts, publicationIds: [...input.publicationIds] },
  });
  return counts;
}

/** The address column's cells: a column headed e-post/email, or else the first; a header row is skipped. */
export function addressCells(bytes: Uint8Array): string[] {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("INVALID_INPUT", NOT_CSV_MESSAGE);
  }
  // A spreadsheet, PDF or image decodes as garbage with NULs; a text file never has them.
  if (text.includes("\u0000")) throw new AppError("INVALID_INPUT", NOT_CSV_MESSAGE);
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, delimiter: [",", ";", "\t"], relax_column_count: true, relax_quotes: true, skip_empty_lines: true, trim: true });
  } catch {
    throw new AppError("INVALID_INPUT", NOT_CSV_MESSAGE);
  }
  if (rows.length === 0) throw new AppError("INVALID_INPUT", "Filen är tom. Den ska ha en e-postadress per rad.");
  const headerIndex = rows[0]!.findIndex((cell) => HEADER.test(cell));
  const column = Math.max(headerIndex, 0);
  const body = headerIndex >= 0 || !rows[0]![0]?.includes("@") ? rows.slice(1) : rows;
  if (!body.some((row) => row.some((cell) => cell.includes("@")))) {
    throw new AppError("INVALID_INPUT", "Filen innehåller inga e-postadresser. Den ska ha en e-postadress per rad.");
  }
  if (body.length > MAX_IMPORT_ROWS) throw new AppError("INVALID_INPUT", `Filen har för många rader. En import får ha högst ${MAX_IMPORT_ROWS.toLocaleString("sv-SE")} adresser.`);
  return body.map((row) => (row[column] ?? "").slice(0, MAX_EMAIL_INPUT + 1));
}
