import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getUser } from "@/lib/auth/session";
import { safeReturnPath } from "@/lib/auth/return-path";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Logga in – Kommunbladet" };

type Props = { searchParams: Promise<{ till?: string | string[]; utloggad?: string; losenord?: string }> };

const PASSWORD_SAVED: Record<string, string> = {
  valt: "Ditt lösenord är sparat. Välkommen! Logga in med din e-postadress och lösenordet.",
  nytt: "Ditt nya lösenord är sparat. Logga in med det.",
};

export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams;
  const returnTo = safeReturnPath(Array.isArray(params.till) ? params.till[0] : params.till);
  if (await getUser()) redirect(returnTo);
  return (
    <main id="innehall" className="mx-auto max-w-md px-4 py-16">
      <p className="text-sm font-semibold uppercase tracking-wide text-accent">Kommunbladet</p>
      <h1 className="mt-1 text-3xl font-bold">Logga in</h1>
      <p className="mt-2 text-muted">För kommunens medarbetare som skriver, granskar och publicerar.</p>
      {params.utloggad ? (
        <p role="status" className="mt-4 rounded border-l-4 border-brand bg-blue-50 p-3">
          Du är utloggad.
        </p>
      ) : null}
      {params.losenord && PASSWORD_SAVED[params.losenord] ? (
        <p role="status" className="mt-4 rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
          {PASSWORD_SAVED[params.losenord]}
        </p>
      ) : null}
      <div className="mt-8">
        <LoginForm returnTo={returnTo} />
      </div>
      <p className="mt-4">
        <Link className="text-brand underline" href="/logga-in/glomt-losenord">
          Glömt lösenordet?
        </Link>
      </p>
      <p className="mt-8">
        <Link className="text-brand underline" href="/">
          Till nyheterna
        </Link>
      </p>
    </main>
  );
}
