import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Prenumerationen är bekräftad", robots: { index: false } };

export default function ConfirmedPage() {
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-3xl font-bold">Tack, prenumerationen är bekräftad</h1>
      <p role="status" className="text-lg">
        Du får nästa utskick med e-post. I varje utskick finns en länk om du vill avsluta prenumerationen.
      </p>
      <p>
        <Link className="font-semibold text-brand underline" href="/">
          Till startsidan
        </Link>
      </p>
    </div>
  );
}
