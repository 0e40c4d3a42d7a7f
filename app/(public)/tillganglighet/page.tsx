import type { Metadata } from "next";
import { AccessibilityStatementView } from "@/components/site/accessibility-statement";
import { getSiteSettings } from "@/db/queries/settings";
import { getDb } from "@/db/client";
import { accessibilityMetadata } from "@/lib/feeds/page-metadata";

// Cached and revalidated on publish (lib/workflow/revalidate.ts) and when an admin saves the statement.
export const revalidate = 60;

// Feeds and metadata (issue 6): canonical, Open Graph, Twitter.
export async function generateMetadata(): Promise<Metadata> {
  return accessibilityMetadata(await getSiteSettings(await getDb()));
}

export default async function AccessibilityPage() {
  const settings = await getSiteSettings(await getDb());
  return (
    <article className="mx-auto max-w-3xl">
      <h1 className="mb-6 text-4xl font-bold">Tillgänglighetsredogörelse</h1>
      {settings?.accessibility ? (
        <AccessibilityStatementView statement={settings.accessibility} municipalityName={settings.municipalityName} />
      ) : (
        <p>Redogörelsen är inte publicerad ännu.</p>
      )}
    </article>
  );
}
