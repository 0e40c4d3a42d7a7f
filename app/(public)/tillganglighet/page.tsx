import type { Metadata } from "next";
import { RichText } from "@/components/content/rich-text";
import { getSiteSettings } from "@/db/queries/public";
import { readerDb } from "@/db/reader";
import { formatDate } from "@/lib/format";

// Cached and revalidated on publish (lib/workflow/revalidate.ts); at most a minute stale elsewhere.
export const revalidate = 60;

export const metadata: Metadata = { title: "Tillgänglighetsredogörelse" };

export default async function AccessibilityPage() {
  const settings = await getSiteSettings(await readerDb());
  return (
    <article className="mx-auto max-w-3xl">
      <h1 className="text-4xl font-bold">Tillgänglighetsredogörelse</h1>
      {settings?.accessibilityStatement ? (
        <RichText content={settings.accessibilityStatement} className="mt-6" />
      ) : (
        <p className="mt-6">Redogörelsen är inte publicerad ännu.</p>
      )}
      {settings?.accessibilityAssessedOn ? (
        <p className="mt-6 text-muted">Redogörelsen uppdaterades {formatDate(settings.accessibilityAssessedOn)}.</p>
      ) : null}
    </article>
  );
}
