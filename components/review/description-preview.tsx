import { normalizeDescription, summaryOf } from "@/lib/content/description";

/**
 * What readers see of a text before they open it, in search results and link previews: the
 * description, or the lead standing in for it. Shown to the utgivare beside the text, since an
 * approval covers these words too and they appear nowhere on the article page itself.
 */
export function DescriptionPreview(props: { title: string; lead: string; description: string | null; headingId: string }) {
  const written = normalizeDescription(props.description) !== null;
  const summary = summaryOf(props);
  return (
    <section aria-labelledby={props.headingId} className="space-y-2" data-description-preview>
      <h2 id={props.headingId} className="text-lg font-bold">
        I sökresultat och när länken delas
      </h2>
      <div className="rounded border border-slate-300 bg-white p-4">
        <p className="font-semibold">{props.title || "(utan rubrik)"}</p>
        {summary ? <p>{summary}</p> : <p className="italic text-muted">Ingen text: både beskrivning och ingress saknas.</p>}
      </div>
      <p className="text-sm text-muted">{written ? "Textens egen beskrivning." : "Texten har ingen egen beskrivning, så ingressen visas."}</p>
    </section>
  );
}
