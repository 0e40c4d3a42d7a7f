import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { formatDateTime } from "@/lib/format";
import { lookUpAccountToken } from "@/lib/users/tokens";
import { choosePasswordAction } from "../actions";
import { ChoosePasswordForm } from "./choose-password-form";

// The token is in the address: no page it links to may learn it from the Referer header.
export const metadata: Metadata = { title: "Välj lösenord", referrer: "no-referrer", robots: { index: false } };

type Props = { params: Promise<{ token: string }> };

export default async function ChoosePasswordPage({ params }: Props) {
  const { token } = await params;
  const found = await lookUpAccountToken(await getDb(), token);
  return (
    <main id="innehall" className="mx-auto max-w-md px-4 py-16">
      <p className="text-sm font-semibold uppercase tracking-wide text-accent">Kommunbladet</p>
      <h1 className="mt-1 text-3xl font-bold">Välj lösenord</h1>
      {found.status === "valid" ? (
        <>
          <p className="mt-2">
            {found.purpose === "invite" ? `Välkommen, ${found.user.name}! ` : ""}Välj ett lösenord för {found.user.email}. Det ska ha minst 12 tecken och inte vara vanligt eller
            lätt att gissa. Flera ord med mellanslag går bra.
          </p>
          <p className="mt-2 text-sm text-muted">Länken gäller till {formatDateTime(found.expiresAt)}.</p>
          <div className="mt-8">
            <ChoosePasswordForm action={choosePasswordAction} token={token} email={found.user.email} />
          </div>
        </>
      ) : (
        <div className="mt-4 space-y-4">
          <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
            {found.status === "used"
              ? "Länken har redan använts. Varje länk fungerar bara en gång."
              : found.status === "expired"
                ? "Länken har gått ut."
                : "Länken fungerar inte. Kontrollera att du har fått med hela adressen från mejlet."}
          </p>
          {found.status !== "unknown" && found.purpose === "invite" ? (
            <p>Har du inte valt något lösenord än? Be en administratör skicka en ny inbjudan.</p>
          ) : (
            <p>
              <Link className="font-semibold text-brand underline" href="/logga-in/glomt-losenord">
                Skicka en ny länk
              </Link>
            </p>
          )}
          <p>
            <Link className="text-brand underline" href="/logga-in">
              Till inloggningen
            </Link>
          </p>
        </div>
      )}
    </main>
  );
}
