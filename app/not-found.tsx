import { getSiteSettings } from "@/db/queries/settings";
import { getDb } from "@/db/client";
import { NotFoundMessage } from "@/components/site/not-found-message";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";
import { SkipLink } from "@/components/site/skip-link";

/**
 * An address that matches no page at all. It has no layout of the reader site around it, so it
 * draws the header and footer itself: the way on, and the accessibility statement, stay one link away.
 */
export default async function NotFound() {
  const settings = await getSiteSettings(await getDb());
  return (
    <>
      <SkipLink />
      <SiteHeader municipalityName={settings?.municipalityName ?? "Kommunbladet"} tagline={settings?.tagline ?? ""} />
      <main id="innehall" tabIndex={-1} className="mx-auto max-w-3xl px-4 py-16 focus:outline-none">
        <NotFoundMessage />
      </main>
      <SiteFooter settings={settings} />
    </>
  );
}
