import type { DiffLine } from "@/lib/content/diff";

/** Removed text struck through, added text underlined: readable without colour too. */
export function DiffView({ lines }: { lines: DiffLine[] }) {
  return (
    <div className="space-y-1 font-serif">
      {lines.map((line, index) => (
        <p key={index} className={line.change === "added" ? "bg-green-50" : line.change === "removed" ? "bg-red-50" : ""}>
          {line.parts.map((part, i) =>
            part.change === "added" ? (
              <ins key={i} className="bg-green-200 underline">
                {part.text}
              </ins>
            ) : part.change === "removed" ? (
              <del key={i} className="bg-red-200 line-through">
                {part.text}
              </del>
            ) : (
              <span key={i}>{part.text}</span>
            ),
          )}
        </p>
      ))}
    </div>
  );
}
