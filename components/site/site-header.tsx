import Link from "next/link";

export type SiteLogo = { src: string; width: number; height: number };

const NAV = [
  { href: "/nyhetsbrev", label: "Nyhetsbrev" },
  { href: "/blogg", label: "Blogg" },
  { href: "/kalender", label: "Kalender" },
];

/**
 * The search is a plain GET form to /sok: it works before (or without) any JavaScript, and the
 * results page is the same one a search from the page itself gives.
 */
export function SiteHeader({ municipalityName, tagline, logo }: { municipalityName: string; tagline: string; logo?: SiteLogo | null }) {
  return (
    <header className="border-b-4 border-brand bg-white no-print">
      <div className="mx-auto flex max-w-5xl flex-wrap items-end justify-between gap-4 px-4 py-5">
        <Link href="/" className="group flex min-w-0 items-center gap-3">
          {logo ? (
            // The name beside it says what the logo says: the image is decoration to a screen reader.
            // eslint-disable-next-line @next/next/no-img-element
            <img src={logo.src} alt="" width={logo.width} height={logo.height} className="h-12 w-auto max-w-[8rem] object-contain" />
          ) : null}
          <span className="min-w-0">
            <span className="block text-2xl font-bold text-brand group-hover:underline">{municipalityName}</span>
            {tagline ? <span className="block text-sm text-muted">{tagline}</span> : null}
          </span>
        </Link>
        <div className="flex w-full flex-wrap items-center justify-between gap-x-6 gap-y-3 sm:w-auto">
          <nav aria-label="Huvudmeny">
            <ul className="flex flex-wrap gap-x-5 gap-y-1 text-base font-medium">
              {NAV.map((item) => (
                <li key={item.href}>
                  <Link className="text-brand underline-offset-4 hover:underline" href={item.href}>
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <form role="search" action="/sok" method="get" className="flex w-full min-w-0 sm:w-auto">
            <label htmlFor="sidhuvud-sok" className="sr-only">
              Sök på webbplatsen
            </label>
            <input id="sidhuvud-sok" name="q" type="search" maxLength={200} className="min-w-0 flex-1 rounded-l border border-gray-500 px-2 py-1 sm:w-44 sm:flex-none" />
            <button type="submit" className="rounded-r border border-brand bg-brand px-3 py-1 font-semibold text-white hover:bg-brand-dark">
              Sök
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
