"use client";

import "./globals.css";
import { ErrorMessage } from "@/components/errors/error-message";

/**
 * The root layout itself failed, so this page brings its own document. It cannot export metadata
 * (it is a client component), hence the React <title>.
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="sv">
      <body className="min-h-screen font-sans antialiased">
        <title>Något gick fel – Kommunbladet</title>
        <main id="innehall" tabIndex={-1} className="mx-auto max-w-3xl px-4 py-16 focus:outline-none">
          <ErrorMessage error={error} retry={retry} home={{ href: "/", label: "Till startsidan" }} />
        </main>
      </body>
    </html>
  );
}
