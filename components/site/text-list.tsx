import Link from "next/link";
import { bylineText } from "@/lib/format";
import { publicTextPath } from "@/lib/feeds/urls";
import { type PublicTextListItem } from "@/db/queries/public/texts";
import { formatDate, isoDate } from "@/lib/format";

/** Posts and articles in one list (tag and author pages): each says where it was published. */
export function TextList({ texts }: { texts: readonly PublicTextListItem[] }) {
  return (
    <ul className="divide-y divide-gray-200">
      {texts.map((text) => (
        <li key={text.id} className="py-4">
          <h2 className="text-xl font-bold">
            <Link className="text-brand underline-offset-4 hover:underline" href={publicTextPath(text)}>
              {text.title}
            </Link>
          </h2>
          <p className="text-sm text-muted">
            {text.kind === "article" ? `${text.publicationName}, nummer ${text.issueNumber} ${text.issueYear}` : text.publicationName}
            {text.publishedAt ? (
              <>
                {" · "}
                <time dateTime={isoDate(text.publishedAt)}>{formatDate(text.publishedAt)}</time>
              </>
            ) : null}
            {text.byline.length > 0 ? ` · ${bylineText(text.byline)}` : ""}
          </p>
          {text.lead ? <p className="mt-1">{text.lead}</p> : null}
        </li>
      ))}
    </ul>
  );
}
