import type { JSONContent } from "@tiptap/core";
import type { Byline } from "@/db/schema";
import { formatDate, isoDate } from "@/lib/format";
import { bylineText } from "@/lib/format";
import { Corrections, type CorrectionNote } from "./corrections";
import { CoverImage, type Cover } from "./cover-image";
import { RichText } from "./rich-text";

/** A text as readers see it: used by the public pages and by the staff preview, so they cannot differ. */
export function ArticleView(props: {
  kicker?: React.ReactNode;
  title: string;
  lead: string;
  body: JSONContent;
  byline: readonly Byline[];
  publishedAt: Date | null;
  cover?: Cover | null;
  /** Published *Rättelser*, oldest first; readers only (the staff preview has none). */
  corrections?: readonly CorrectionNote[];
}) {
  return (
    <article className="mx-auto max-w-3xl">
      {props.kicker ? <p className="text-sm font-semibold uppercase tracking-wide text-accent">{props.kicker}</p> : null}
      <h1 className="mt-1 text-4xl font-bold leading-tight">{props.title}</h1>
      <p className="mt-2 text-muted">
        {props.publishedAt ? <time dateTime={isoDate(props.publishedAt)}>{formatDate(props.publishedAt)}</time> : null}
        {/* Also when the text is signed: sections signed one by one do not say who wrote the whole. */}
        {props.byline.length > 0 ? `${props.publishedAt ? " · " : ""}${bylineText(props.byline)}` : ""}
      </p>
      {props.lead ? <p className="mt-4 text-xl font-medium leading-relaxed">{props.lead}</p> : null}
      {props.cover ? <CoverImage cover={props.cover} /> : null}
      <RichText content={props.body} className="mt-6" />
      {props.corrections ? <Corrections corrections={props.corrections} /> : null}
    </article>
  );
}
