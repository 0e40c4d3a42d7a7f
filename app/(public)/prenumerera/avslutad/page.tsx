import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Prenumerationen är avslutad", robots: { index: false } };

export default function UnsubscribedPage() {
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-3xl font-bold">Prenumerationen är avslutad</h1>
      <p role="status" className="text-lg">
        Du får inga fler utskick från oss, och din e-postadress är raderad.
      </p>
      <p>
        Ångrar du dig kan du{" "}
        <Link className="font-semibold text-brand underline" href="/prenumerera">
          prenumerera igen
        </Link>
        .
      </p>
    </div>
  );
}
