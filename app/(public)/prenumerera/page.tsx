import type { Metadata } from "next";
import { cookies } from "next/headers";
import { ConsentText } from "@/components/subscriptions/consent-text";
import { FullSubscribeForm } from "@/components/subscriptions/full-subscribe-form";
import { getSiteSettings } from "@/db/queries/settings";
import { listFollowablePublications } from "@/db/queries/subscribers";
import { getDb } from "@/db/client";
import { isSubscribeErrorCode, SUBSCRIBE_ERROR_MESSAGES } from "@/lib/subscriptions/messages";
import { TYPED_EMAIL_COOKIE } from "@/lib/subscriptions/subscribe-input";

export const metadata: Metadata = { title: "Prenumerera" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const list = (value: string | string[] | undefined) => (Array.isArray(value) ? value : value ? [value] : []);

/**
 * Rendered per request: after an error it shows the message, the typed address (from a short-lived
 * cookie) and the choices made. The short forms elsewhere are the cached ones.
 */
export default async function SubscribePage({ searchParams }: Props) {
  const params = await searchParams;
  const db = await getDb();
  const [settings, publications] = await Promise.all([getSiteSettings(db), listFollowablePublications(db)]);
  const code = list(params.fel)[0];
  const error = isSubscribeErrorCode(code) ? SUBSCRIBE_ERROR_MESSAGES[code] : null;
  const email = error ? ((await cookies()).get(TYPED_EMAIL_COOKIE)?.value ?? "") : "";
  const chosen = list(params.publikation);
  const checkedIds = error && chosen.length > 0 ? chosen : publications.filter((p) => p.kind === "newsletter").map((p) => p.id);

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-4xl font-bold">Prenumerera</h1>
      <p className="text-lg">
        Få nyhetsbrevet och bloggarna från {settings?.municipalityName ?? "kommunen"} med e-post. Du får först ett mejl med en länk: först när du har bekräftat där börjar
        utskicken.
      </p>
      <FullSubscribeForm publications={publications} checkedIds={checkedIds} email={email} error={error}>
        <ConsentText municipalityName={settings?.municipalityName ?? ""} contactEmail={settings?.email || undefined} />
      </FullSubscribeForm>
    </div>
  );
}
