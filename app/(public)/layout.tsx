import type { Metadata } from "next";
import { cache, type CSSProperties } from "react";
import { getSiteLogo, getSiteSettings } from "@/db/queries/settings";
import { getDb } from "@/db/client";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";
import { SkipLink } from "@/components/site/skip-link";
import { siteFeedLinks } from "@/lib/feeds/metadata";
import { HEX_COLOR } from "@/lib/site/contrast";
import { headerLogo, iconUrl } from "@/lib/site/logo-urls";

// Feeds and metadata (issue 6): defaults for every public page (the RSS links, Open Graph's locale
// and site name). A page that sets `alternates` or `openGraph` itself replaces these keys whole.
/** Read once per render: the metadata and the layout both need the settings and the logo. */
const siteIdentity = cache(async () => {
  const db = await getDb();
  const [settings, logo] = await Promise.all([getSiteSettings(db), getSiteLogo(db)]);
  return { settings, logo };
});

export async function generateMetadata(): Promise<Metadata> {
  const { settings, logo } = await siteIdentity();
  return {
    alternates: { types: { "application/rss+xml": siteFeedLinks() } },
    openGraph: { type: "website", locale: "sv_SE", siteName: settings?.municipalityName ?? "Kommunbladet" },
    // Without a logo, browsers find /favicon.ico and /apple-touch-icon.png in public/ by themselves.
    ...(logo
      ? {
          icons: {
            icon: [
              { url: iconUrl(logo.id, "32.png"), sizes: "32x32", type: "image/png" },
              { url: iconUrl(logo.id, "192.png"), sizes: "192x192", type: "image/png" },
            ],
            apple: iconUrl(logo.id, "180.png"),
          },
        }
      : {}),
  };
}

export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const { settings, logo } = await siteIdentity();
  // The admin's accent colour (checked for contrast when saved) replaces the stylesheet's default.
  const brand = settings && HEX_COLOR.test(settings.primaryColor) ? settings.primaryColor : null;
  const style = brand ? ({ "--color-brand": brand, "--color-brand-dark": `color-mix(in srgb, ${brand} 78%, black)` } as CSSProperties) : undefined;
  return (
    <div style={style}>
      <SkipLink />
      <SiteHeader municipalityName={settings?.municipalityName ?? "Kommunbladet"} tagline={settings?.tagline ?? ""} logo={headerLogo(logo)} />
      <main id="innehall" tabIndex={-1} className="mx-auto max-w-5xl px-4 py-8 focus:outline-none">
        {children}
      </main>
      <SiteFooter settings={settings} />
    </div>
  );
}
