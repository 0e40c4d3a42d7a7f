import { useId } from "react";
import { formatDate, isoDate } from "@/lib/format";

export type CorrectionNote = { id: string; text: string; createdAt: Date };

/**
 * The *Rättelser* at the end of a published text: a correction after publishing is shown openly,
 * with its date, rather than silently changing what readers have already read.
 * `headingLevel` follows the page: 2 under an article's h1, 3 under an issue article's h2.
 */
export function Corrections({ corrections, headingLevel = 2 }: { corrections: readonly CorrectionNote[]; headingLevel?: 2 | 3 }) {
  const headingId = useId();
  if (corrections.length === 0) return null;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby={headingId} className="mt-8 max-w-prose border-l-4 border-accent bg-white px-4 py-3">
      <Heading id={headingId} className="text-xl font-bold">
        Rättelser
      </Heading>
      <ul className="mt-2 space-y-2">
        {corrections.map((correction) => (
          <li key={correction.id}>
            <strong>
              Rättelse <time dateTime={isoDate(correction.createdAt)}>{formatDate(correction.createdAt)}</time>:
            </strong>{" "}
            {correction.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
