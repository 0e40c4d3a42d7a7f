import type { FollowablePublication } from "@/db/queries/subscribers";

const COUNT_LABELS = {
  requested: "fick en förfrågan om att bekräfta",
  alreadySubscribed: "prenumererade redan",
  pending: "hade nyss fått en förfrågan",
  suppressed: "har avslutat tidigare och hoppades över",
  invalid: "var inte giltiga adresser",
  duplicates: "fanns flera gånger i filen",
  limited: "har fått för många förfrågningar i dag",
} as const;

export type ImportSummary = Partial<Record<keyof typeof COUNT_LABELS, number>>;

/** Upload of a CSV of addresses; each valid one is asked to confirm (method "import"). */
export function ImportForm({ publications, summary, error }: { publications: FollowablePublication[]; summary: ImportSummary | null; error: string | null }) {
  return (
    <section id="import" aria-labelledby="import-rubrik" className="space-y-3">
      <h2 id="import-rubrik" className="text-2xl font-bold">
        Importera adresser
      </h2>
      <p>
        En CSV-fil (högst 1 MB) med en adress per rad: den första kolumnen, eller kolumnen som heter ”E-post” eller ”Email”. Ingen blir prenumerant av en import: var och en får ett
        mejl och måste själv bekräfta. Adresser som har avslutat sin prenumeration hoppas alltid över.
      </p>
      {error ? (
        <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
          {error}
        </p>
      ) : null}
      {summary ? (
        <div role="status" className="rounded border-l-4 border-brand bg-blue-50 p-3">
          <p className="font-semibold">Importen är klar.</p>
          <ul className="list-disc pl-6">
            {Object.entries(COUNT_LABELS).map(([key, label]) => (
              <li key={key}>
                {summary[key as keyof ImportSummary] ?? 0} {label}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <form method="post" action="/redaktion/prenumeranter/import" encType="multipart/form-data" className="space-y-3">
        <div>
          <label htmlFor="import-fil" className="block font-semibold">
            CSV-fil
          </label>
          <input id="import-fil" name="file" type="file" accept=".csv,text/csv,text/plain" required className="mt-1" />
        </div>
        <fieldset>
          <legend className="font-semibold">Be dem bekräfta prenumeration på</legend>
          {publications.map((publication) => (
            <label key={publication.id} className="mr-4 inline-flex items-center gap-2">
              <input type="checkbox" name="publikation" value={publication.id} defaultChecked={publication.kind === "newsletter"} />
              {publication.name}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark">
          Importera
        </button>
      </form>
    </section>
  );
}
