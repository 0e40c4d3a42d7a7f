import Link from "next/link";

/** Where every subscribe form posts: a route handler, so the forms work with JavaScript off. */
export const SUBSCRIBE_ENDPOINT = "/prenumerera/skicka";

/**
 * The short form for the start page and the footer: the newsletter by default. It depends on nothing
 * in the request (the pages it sits on are cached for everyone), so it carries no data at all; the
 * route picks the newsletter when `standard` says so. `idPrefix` keeps ids unique when two are on
 * one page.
 */
export function SubscribeForm({ idPrefix, heading = "Få nyhetsbrevet med e-post" }: { idPrefix: string; heading?: string }) {
  const inputId = `${idPrefix}-epost`;
  const headingId = `${idPrefix}-rubrik`;
  return (
    <form method="post" action={SUBSCRIBE_ENDPOINT} aria-labelledby={headingId} className="space-y-2">
      <h2 id={headingId} className="text-base font-semibold text-ink">
        {heading}
      </h2>
      <input type="hidden" name="standard" value="nyhetsbrev" />
      <label htmlFor={inputId} className="block font-semibold">
        E-post
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id={inputId}
          name="email"
          type="email"
          inputMode="email"
          autoComplete="email"
          required
          maxLength={254}
          className="min-w-0 flex-1 rounded border border-gray-500 px-3 py-2"
        />
        <button type="submit" className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark">
          Prenumerera
        </button>
      </div>
      <p className="text-sm text-muted">
        Du får ett mejl med en länk för att bekräfta. Bloggarna kan du välja på{" "}
        <Link className="underline" href="/prenumerera">
          prenumerationssidan
        </Link>
        , där står också{" "}
        <Link className="underline" href="/prenumerera#personuppgifter">
          hur vi hanterar din adress
        </Link>
        .
      </p>
    </form>
  );
}
