import type { Metadata } from "next";
import { getSiteSettings } from "@/db/queries/public";
import { readerDb } from "@/db/reader";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";
import { SkipLink } from "@/components/site/skip-link";
import { siteFeedLinks } from "@/lib/feeds/metadata";

// Feeds and metadata (issue 6): defaults for every public page (the RSS links, Open Graph's locale
// and site name). A page that sets `alternates` or `openGraph` itself replaces these keys whole.
export async function generateMetadata(): Promise<Metadata> {
  const settings = await getSiteSettings(await readerDb());
  return {
    alternates: { types: { "application/rss+xml": siteFeedLinks() } },
    openGraph: { type: "website", locale: "sv_SE", siteName: settings?.municipalityName ?? "Kommunbladet" },
  };
}

export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const settings = await getSiteSettings(await readerDb());
  return (
    <>
      <SkipLink />
      <SiteHeader municipalityName={settings?.municipalityName ?? "Kommunbladet"} tagline={settings?.tagline ?? ""} />
      <main id="innehall" tabIndex={-1} className="mx-auto max-w-5xl px-4 py-8 focus:outline-none">
        {children}
      </main>
      <SiteFooter settings={settings} />
    </>
  );
}
