"use client";

import { ErrorMessage } from "@/components/errors/error-message";

/** An unexpected failure below the root layout: reader pages outside the site's own layout, sign-in. */
export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <main id="innehall" tabIndex={-1} className="mx-auto max-w-3xl px-4 py-16 focus:outline-none">
      <ErrorMessage error={error} retry={retry} home={{ href: "/", label: "Till startsidan" }} />
    </main>
  );
}
