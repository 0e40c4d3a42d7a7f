import { snippetSegments } from "@/db/queries/search";

/**
 * A search snippet with its matched words in <mark>. Built from text segments, so whatever the
 * stored text contains is escaped by React: no HTML from the database reaches the page.
 */
export function Snippet({ snippet }: { snippet: string }) {
  return (
    <>
      {snippetSegments(snippet).map((segment, i) =>
        segment.marked ? (
          <mark key={i} className="rounded-sm bg-yellow-200 px-0.5 text-ink">
            {segment.text}
          </mark>
        ) : (
          segment.text
        ),
      )}
    </>
  );
}
