import type { Metadata } from "next";
import Link from "next/link";
import { SUBSCRIBE_THANKS } from "@/lib/subscriptions/messages";

export const metadata: Metadata = { title: "Tack – Prenumerera", robots: { index: false } };

/** The same page for every accepted request: new, pending or already subscribed. */
export default function ThanksPage() {
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-3xl font-bold">Kolla din e-post</h1>
      <p role="status" className="text-lg">
        {SUBSCRIBE_THANKS}
      </p>
      <p>Länken gäller i sju dagar. Hittar du inte mejlet, titta i skräpposten.</p>
      <p>
        <Link className="font-semibold text-brand underline" href="/">
          Till startsidan
        </Link>
      </p>
    </div>
  );
}
