import type { Metadata } from "next";
import Link from "next/link";
import { LinkProblem } from "@/components/subscriptions/link-problem";
import { findConfirmation, listFollowablePublications } from "@/db/queries/subscribers";
import { getDb } from "@/db/client";
import { formatDate } from "@/lib/format";
import { CONFIRM_TOKEN_PATTERN } from "@/lib/subscriptions/confirm-subscription";
import { sha256 } from "@/lib/subscriptions/tokens";

// Per request, never cached: a link's state (used, expired) changes.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Bekräfta prenumeration", robots: { index: false } };

type Props = { params: Promise<{ token: string }> };

/**
 * What the mailed link opens. GET only shows; the button POSTs. Mail scanners and link previews fetch
 * links, and must not subscribe anyone by doing so.
 */
export default async function ConfirmPage({ params }: Props) {
  const { token } = await params;
  const db = await getDb();
  const confirmation = CONFIRM_TOKEN_PATTERN.test(token) ? await findConfirmation(db, sha256(token)) : null;
  if (!confirmation) {
    return (
      <LinkProblem>
        <p>Länken fungerar inte. Den kan ha kopierats ofullständigt, eller så har prenumerationen tagits bort.</p>
        <p>Anmäl dig gärna igen, så skickar vi en ny länk.</p>
      </LinkProblem>
    );
  }
  if (confirmation.usedAt) {
    return (
      <LinkProblem heading="Länken är redan använd">
        <p>Prenumerationen bekräftades {formatDate(confirmation.usedAt)}. Varje länk fungerar en gång.</p>
        <p>Vill du lägga till något mer kan du anmäla dig igen.</p>
      </LinkProblem>
    );
  }
  if (confirmation.expiresAt.getTime() <= Date.now()) {
    return (
      <LinkProblem heading="Länken har gått ut">
        <p>Länken gällde i sju dagar, till och med {formatDate(confirmation.expiresAt)}. Anmäl dig igen, så skickar vi en ny.</p>
      </LinkProblem>
    );
  }
  const names = (await listFollowablePublications(db)).filter((p) => confirmation.publicationIds.includes(p.id)).map((p) => p.name);
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <h1 className="text-3xl font-bold">Bekräfta prenumeration</h1>
      <p className="text-lg">
        Adressen <strong className="break-all">{confirmation.email}</strong> kommer att få:
      </p>
      <ul className="list-disc pl-6 text-lg">
        {names.map((name) => (
          <li key={name}>{name}</li>
        ))}
      </ul>
      <form method="post" action="/prenumerera/bekrafta">
        <input type="hidden" name="token" value={token} />
        <button type="submit" className="rounded bg-brand px-5 py-2 text-lg font-semibold text-white hover:bg-brand-dark">
          Bekräfta prenumeration
        </button>
      </form>
      <p className="text-muted">
        Ångrat dig? Stäng sidan, så händer ingenting. Läs{" "}
        <Link className="underline" href="/prenumerera#personuppgifter">
          hur vi hanterar din adress
        </Link>
        .
      </p>
    </div>
  );
}
