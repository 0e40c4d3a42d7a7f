"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";

/**
 * The digest Next gives a server error: the same id is written to the server log with the error, so
 * whoever the reader calls can find it. A client-side error has none.
 */
export function digestOf(error: unknown): string | null {
  if (error && typeof error === "object" && "digest" in error && typeof error.digest === "string" && error.digest) return error.digest;
  return null;
}

type Props = {
  error: unknown;
  retry: () => void;
  /** Where "the way on" leads: the reader site's start page, or the staff overview. */
  home: { href: string; label: string };
};

/**
 * What every error boundary shows: a plain Swedish explanation, a retry, a way out, and the error's id
 * to quote. Never the error's own message: in production it is Next's English placeholder, and in
 * development it may hold internals.
 */
export function ErrorMessage({ error, retry, home }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const digest = digestOf(error);
  // A screen reader user must learn that the page they waited for did not come.
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="space-y-4">
      <h1 ref={heading} tabIndex={-1} className="text-3xl font-bold focus:outline-none">
        Något gick fel
      </h1>
      <p className="text-lg">Sidan kunde inte visas just nu. Försök igen om en stund. Om felet finns kvar kan du kontakta oss och uppge felkoden nedan.</p>
      {digest ? (
        <p>
          Felkod: <code className="rounded bg-gray-100 px-1 font-mono">{digest}</code>
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-4">
        <button type="button" onClick={() => retry()} className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark">
          Försök igen
        </button>
        <Link href={home.href} className="font-semibold text-brand underline">
          {home.label}
        </Link>
      </div>
    </div>
  );
}
