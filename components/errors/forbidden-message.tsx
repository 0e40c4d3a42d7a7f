import Link from "next/link";

/** A refused permission, said plainly: what happened, that it is the role and not a fault, and a way on. */
export function ForbiddenMessage({ home }: { home: { href: string; label: string } }) {
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">Du har inte behörighet till den här sidan</h1>
      <p className="text-lg">Din roll ger inte tillgång till det du försökte öppna. Behöver du det i ditt arbete, be den ansvariga utgivaren eller en administratör om hjälp.</p>
      <p>
        <Link href={home.href} className="font-semibold text-brand underline">
          {home.label}
        </Link>
      </p>
    </div>
  );
}
