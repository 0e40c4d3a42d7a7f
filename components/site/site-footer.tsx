import Link from "next/link";
import { SubscribeForm } from "@/components/subscriptions/subscribe-form";
import type { getSiteSettings } from "@/db/queries/settings";

type Settings = NonNullable<Awaited<ReturnType<typeof getSiteSettings>>>;

export function SiteFooter({ settings }: { settings: Settings | null }) {
  return (
    <footer className="mt-16 border-t border-gray-300 bg-white no-print">
      <div className="mx-auto grid max-w-5xl gap-6 px-4 py-8 text-sm text-muted sm:grid-cols-2">
        {settings ? (
          <address className="not-italic">
            <strong className="block text-ink">{settings.municipalityName}</strong>
            {settings.streetAddress ? <span className="block">{settings.streetAddress}</span> : null}
            {settings.postalAddress ? <span className="block">{settings.postalAddress}</span> : null}
            {settings.phone ? <span className="block">Telefon: {settings.phone}</span> : null}
            {settings.email ? (
              <span className="block">
                E-post:{" "}
                <a className="underline" href={`mailto:${settings.email}`}>
                  {settings.email}
                </a>
              </span>
            ) : null}
          </address>
        ) : null}
        <SubscribeForm idPrefix="sidfot" />
        <ul className="space-y-1 sm:col-span-2 sm:text-right">
          <li>
            <Link className="underline" href="/tillganglighet">
              Tillgänglighetsredogörelse
            </Link>
          </li>
          <li>
            <Link className="underline" href="/logga-in">
              Logga in för medarbetare
            </Link>
          </li>
        </ul>
      </div>
    </footer>
  );
}
