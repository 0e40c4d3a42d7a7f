import Link from "next/link";

const PAGES = [
  { href: "/redaktion/installningar", label: "Webbplatsens uppgifter" },
  { href: "/redaktion/installningar/tillganglighet", label: "Tillgänglighetsredogörelse" },
];

export function SettingsNav({ current }: { current: string }) {
  return (
    <nav aria-label="Inställningar">
      <ul className="flex flex-wrap gap-x-6 gap-y-2 border-b border-gray-300 pb-2">
        {PAGES.map((page) => (
          <li key={page.href}>
            <Link
              href={page.href}
              aria-current={page.href === current ? "page" : undefined}
              className="font-semibold text-brand underline-offset-4 hover:underline aria-[current=page]:underline"
            >
              {page.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
