import { stringify } from "csv-stringify/sync";
import { getDb } from "@/db/client";
import { listSubscribersForExport } from "@/db/queries/subscribers";
import { errorResponse, toResult } from "@/lib/actions/result";
import { stockholmDate } from "@/lib/dates";
import { CONSENT_METHOD_LABELS } from "@/lib/subscriptions/consent";
import { requireSubscriberManager } from "../access";

/** Every confirmed subscriber as CSV: UTF-8 with a BOM so that Excel reads å, ä and ö right. */
export async function GET(): Promise<Response> {
  const result = await toResult(async () => {
    await requireSubscriberManager();
    const rows = await listSubscribersForExport(await getDb());
    return stringify(
      rows.map((row) => [
        row.email,
        row.publications.join(", "),
        row.confirmedAt ? stockholmDate(row.confirmedAt) : "",
        row.consentVersion ?? "",
        row.method ? CONSENT_METHOD_LABELS[row.method] : "",
      ]),
      { bom: true, header: true, columns: ["E-post", "Prenumererar på", "Bekräftad", "Samtyckesversion", "Samtycke via"] },
    );
  });
  if (!result.ok) return errorResponse(result);
  return new Response(result.data, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="prenumeranter-${stockholmDate(new Date())}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
