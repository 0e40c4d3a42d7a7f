type Option = { value: string; label: string };

type Props = {
  q: string;
  publication?: string;
  year?: number;
  publications: { slug: string; name: string }[];
  years: number[];
};

function Select({ id, name, label, value, options }: { id: string; name: string; label: string; value: string; options: Option[] }) {
  return (
    // max-w-full: a select is as wide as its longest option, and a publication's name can be wider than a phone.
    <div className="flex min-w-0 max-w-full flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value} className="max-w-full rounded border border-gray-500 bg-white px-2 py-2">
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A plain GET form: searching works without JavaScript, and every result page has its own URL. */
export function SearchForm({ q, publication, year, publications, years }: Props) {
  return (
    <form role="search" action="/sok" method="get" className="mt-4 flex flex-wrap items-end gap-4">
      <div className="flex min-w-64 flex-1 flex-col gap-1">
        <label htmlFor="sok-q" className="text-sm font-medium">
          Sök
        </label>
        <input id="sok-q" name="q" type="search" defaultValue={q} maxLength={200} className="rounded border border-gray-500 bg-white px-3 py-2 text-lg" />
      </div>
      <Select
        id="sok-publikation"
        name="publikation"
        label="Publikation"
        value={publication ?? ""}
        options={[{ value: "", label: "Alla publikationer" }, ...publications.map((p) => ({ value: p.slug, label: p.name }))]}
      />
      <Select
        id="sok-ar"
        name="ar"
        label="År"
        value={year ? String(year) : ""}
        options={[{ value: "", label: "Alla år" }, ...years.map((y) => ({ value: String(y), label: String(y) }))]}
      />
      <button type="submit" className="rounded bg-brand px-5 py-2 text-lg font-medium text-white hover:bg-brand-dark">
        Sök
      </button>
    </form>
  );
}
