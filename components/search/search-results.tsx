import Link from "next/link";
import { publicTextPath } from "@/lib/feeds/urls";
import type { SearchResult } from "@/db/queries/search";
import { formatDate, isoDate } from "@/lib/format";
import { Snippet } from "./snippet";

/** The same search on another page, filters kept. */
export function pageHref(params: { q: string; publication?: string; year?: number }, page: number): string {
  const query = new URLSearchParams({ q: params.q });
  if (params.publication) query.set("publikation", params.publication);
  if (params.year) query.set("ar", String(params.year));
  if (page > 1) query.set("sida", String(page));
  return `/sok?${query.toString()}`;
}

function countText(result: SearchResult): string {
  if (result.capped) return `Fler än ${result.total.toLocaleString("sv-SE")} träffar`;
  return result.total === 1 ? "1 träff" : `${result.total.toLocaleString("sv-SE")} träffar`;
}

type Props = { result: SearchResult; params: { q: string; publication?: string; year?: number } };

/** A phrase is looked for among the newest texts only (see findCandidates): the reader is told. */
function PhraseNote({ result }: { result: SearchResult }) {
  if (!result.phraseWindow) return null;
  return <p className="mt-1 text-muted">Frasen söktes bland de {result.phraseWindow.toLocaleString("sv-SE")} senaste texterna. Välj ett år för att söka bland äldre texter.</p>;
}

export function SearchResults({ result, params }: Props) {
  if (result.total === 0) {
    return (
      <div className="mt-8">
        <p className="text-lg" role="status">
          Inga träffar för ”{params.q}”.
        </p>
        <PhraseNote result={result} />
      </div>
    );
  }
  const { page, pageCount } = result;
  return (
    <section aria-labelledby="sok-antal" className="mt-8">
      <h2 id="sok-antal" className="text-xl font-bold">
        {countText(result)} för ”{params.q}”{pageCount > 1 ? `, sida ${page} av ${pageCount}` : ""}
      </h2>
      {result.capped ? <p className="mt-1 text-muted">De nyaste träffarna visas, mest relevanta först. Lägg till fler ord eller välj ett år för att hitta äldre texter.</p> : null}
      <PhraseNote result={result} />
      <ol className="mt-4 divide-y divide-gray-200">
        {result.hits.map((hit) => (
          <li key={hit.id} className="py-4">
            <h3 className="text-xl font-bold">
              <Link className="text-brand underline-offset-4 hover:underline" href={publicTextPath(hit)}>
                {hit.title || "(utan rubrik)"}
              </Link>
            </h3>
            <p className="text-sm text-muted">
              {hit.publicationName}
              {hit.kind === "article" && hit.issueNumber ? `, nummer ${hit.issueNumber} ${hit.issueYear}` : ""}
              {hit.publishedAt ? (
                <>
                  {" · "}
                  <time dateTime={isoDate(hit.publishedAt)}>{formatDate(hit.publishedAt)}</time>
                </>
              ) : null}
            </p>
            {hit.snippet ? (
              <p className="mt-1">
                <Snippet snippet={hit.snippet} />
              </p>
            ) : null}
          </li>
        ))}
      </ol>
      {pageCount > 1 ? (
        <nav aria-label="Sidor med träffar" className="mt-6 flex justify-between gap-4 text-lg">
          {page > 1 ? (
            <Link className="text-brand underline underline-offset-4" href={pageHref(params, page - 1)} rel="prev">
              Föregående
            </Link>
          ) : (
            <span />
          )}
          {page < pageCount ? (
            <Link className="text-brand underline underline-offset-4" href={pageHref(params, page + 1)} rel="next">
              Nästa
            </Link>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}
