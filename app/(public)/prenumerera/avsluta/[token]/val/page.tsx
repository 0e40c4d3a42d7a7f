import type { Metadata } from "next";
import { LinkProblem } from "@/components/subscriptions/link-problem";
import { getDb } from "@/db/client";
import { listFollowed } from "@/db/queries/subscribers";
import { readUnsubscribeToken } from "@/lib/subscriptions/tokens";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Avsluta prenumeration", robots: { index: false } };

type Props = { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The page behind the link in every message (its GET is sent here by ../route.ts). No log-in. */
export default async function UnsubscribePage({ params, searchParams }: Props) {
  const [{ token }, query] = await Promise.all([params, searchParams]);
  const subscriberId = readUnsubscribeToken(token);
  if (!subscriberId) {
    return (
      <LinkProblem>
        <p>Länken fungerar inte. Den kan ha kopierats ofullständigt: öppna den helst direkt från mejlet.</p>
        <p>Vill du sluta få e-post från oss och länken inte fungerar, svara på ett av utskicken så hjälper vi dig.</p>
      </LinkProblem>
    );
  }
  const followed = await listFollowed(await getDb(), subscriberId);
  if (followed.length === 0) {
    return (
      <LinkProblem heading="Du prenumererar inte på något">
        <p>Den här adressen får inga utskick från oss. Om du nyss avslutade prenumerationen är allt klart.</p>
      </LinkProblem>
    );
  }
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <h1 className="text-3xl font-bold">Avsluta prenumeration</h1>
      {query.sparat ? (
        <p role="status" className="rounded border-l-4 border-brand bg-blue-50 p-3">
          Klart. Du får fortfarande det som står kvar nedan.
        </p>
      ) : null}
      {query.inget ? (
        <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
          Du valde inget att avsluta. Kryssa i det du inte längre vill ha.
        </p>
      ) : null}
      <form method="post" action={`/prenumerera/avsluta/${encodeURIComponent(token)}`} className="space-y-5">
        <input type="hidden" name="formular" value="1" />
        <fieldset>
          <legend className="text-lg">Kryssa i det du vill sluta få. Avsluta allt, så raderar vi din adress.</legend>
          <ul className="mt-3 space-y-2">
            {followed.map((publication) => (
              <li key={publication.id}>
                <label className="flex items-center gap-2 text-lg">
                  <input type="checkbox" name="avsluta" value={publication.id} defaultChecked className="h-5 w-5" />
                  {publication.name}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <button type="submit" className="rounded bg-brand px-5 py-2 text-lg font-semibold text-white hover:bg-brand-dark">
          Avsluta prenumeration
        </button>
      </form>
    </div>
  );
}
