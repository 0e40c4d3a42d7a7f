import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { requestPasswordResetAction } from "./actions";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Glömt lösenordet?" };

export default async function ForgotPasswordPage() {
  // Rendered per request: the log-in pages get a fresh script nonce each time (proxy.ts).
  await connection();
  return (
    <main id="innehall" className="mx-auto max-w-md px-4 py-16">
      <p className="text-sm font-semibold uppercase tracking-wide text-accent">Kommunbladet</p>
      <h1 className="mt-1 text-3xl font-bold">Glömt lösenordet?</h1>
      <p className="mt-2">Skriv e-postadressen du loggar in med. Vi skickar en länk där du kan välja ett nytt lösenord. Länken gäller i en timme.</p>
      <div className="mt-8">
        <ForgotPasswordForm action={requestPasswordResetAction} />
      </div>
      <p className="mt-8">
        <Link className="text-brand underline" href="/logga-in">
          Till inloggningen
        </Link>
      </p>
    </main>
  );
}
