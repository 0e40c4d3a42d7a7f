import Link from "next/link";

export function SiteHeader({ municipalityName, tagline }: { municipalityName: string; tagline: string }) {
  return (
    <header className="border-b-4 border-brand bg-white no-print">
      <div className="mx-auto flex max-w-5xl flex-wrap items-end justify-between gap-4 px-4 py-5">
        <Link href="/" className="group">
          <span className="block text-2xl font-bold text-brand group-hover:underline">{municipalityName}</span>
          {tagline ? <span className="block text-sm text-muted">{tagline}</span> : null}
        </Link>
        <nav aria-label="Huvudmeny">
          <ul className="flex gap-5 text-base font-medium">
            <li>
              <Link className="text-brand underline-offset-4 hover:underline" href="/nyhetsbrev">
                Nyhetsbrev
              </Link>
            </li>
            <li>
              <Link className="text-brand underline-offset-4 hover:underline" href="/blogg">
                Blogg
              </Link>
            </li>
            <li>
              <Link className="text-brand underline-offset-4 hover:underline" href="/kalender">
                Kalender
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
