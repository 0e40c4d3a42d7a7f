import { getSiteSettings } from "@/db/queries/public";
import { readerDb } from "@/db/reader";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";
import { SkipLink } from "@/components/site/skip-link";

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
