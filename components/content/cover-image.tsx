import { creditLine, mediaSrcSet, mediaUrl } from "@/lib/content/extensions/figure";

export type Cover = { id: string; alt: string; width: number; height: number; caption: string; credit: string };

/** The text's cover: above the fold, so loaded eagerly, unlike images in the body. */
export function CoverImage({ cover }: { cover: Cover }) {
  const sizes = "(min-width: 48rem) 48rem, 100vw";
  return (
    <figure className="figure my-6">
      <picture>
        <source type="image/avif" srcSet={mediaSrcSet(cover.id, "avif")} sizes={sizes} />
        <img
          src={mediaUrl(cover.id, 960)}
          srcSet={mediaSrcSet(cover.id)}
          sizes={sizes}
          alt={cover.alt}
          width={cover.width}
          height={cover.height}
          fetchPriority="high"
          className="h-auto w-full rounded-sm"
        />
      </picture>
      {cover.caption || creditLine(cover.credit) ? (
        <figcaption className="mt-1 text-sm text-muted">
          {cover.caption} {creditLine(cover.credit) ? <span className="italic">{creditLine(cover.credit)}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}

/** A query row's cover columns (coverColumns() in db/queries/public/live.ts selects them). */
export type CoverRow = {
  coverId: string | null;
  coverAlt: string | null;
  coverWidth: number | null;
  coverHeight: number | null;
  coverCaption: string | null;
  coverCredit: string | null;
};

/** The cover columns of a public query row, or null when the text has none. */
export function coverOf(row: CoverRow): Cover | null {
  if (!row.coverId) return null;
  return {
    id: row.coverId,
    alt: row.coverAlt ?? "",
    width: row.coverWidth ?? 0,
    height: row.coverHeight ?? 0,
    caption: row.coverCaption ?? "",
    credit: row.coverCredit ?? "",
  };
}
