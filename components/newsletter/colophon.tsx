import { webLink } from "@/lib/feeds/urls";
import { lowerFirst } from "@/lib/format";
import type { ColophonData } from "@/lib/issues/colophon";

type ColophonProps = ColophonData;

const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

/** Ansvarig utgivare, redaktör and the municipality's contact details, as printed at the end of an issue. */
export function Colophon(props: ColophonProps) {
  // Only an absolute http(s) address becomes a link: the setting is free text an admin typed.
  const web = webLink(props.webUrl);
  return (
    <section aria-labelledby="kolofon" className="rounded border border-gray-300 bg-white p-6 text-base">
      <h2 id="kolofon" className="sr-only">
        Om nyhetsbrevet
      </h2>
      <dl className="grid gap-4 sm:grid-cols-3">
        {props.publisherName ? (
          <div>
            <dt className="font-semibold">Ansvarig utgivare</dt>
            <dd>
              {props.publisherName}
              {props.publisherTitle ? `, ${lowerFirst(props.publisherTitle)}` : ""}
            </dd>
            {props.publisherEmail ? (
              <dd>
                <a className="underline" href={`mailto:${props.publisherEmail}`}>
                  {props.publisherEmail}
                </a>
              </dd>
            ) : null}
          </div>
        ) : null}
        {props.editorName ? (
          <div>
            <dt className="font-semibold">{props.editorLabel}</dt>
            <dd>{props.editorName}</dd>
            {props.editorEmail ? (
              <dd>
                <a className="underline" href={`mailto:${props.editorEmail}`}>
                  {props.editorEmail}
                </a>
              </dd>
            ) : null}
          </div>
        ) : null}
        <div>
          <dt className="font-semibold">{props.municipalityName}</dt>
          {props.streetAddress ? <dd>{props.streetAddress}</dd> : null}
          {props.postalAddress ? <dd>{props.postalAddress}</dd> : null}
          {props.phone ? <dd>Telefon {props.phone}</dd> : null}
          {props.email ? (
            <dd>
              {/* Free text too: only something shaped like an address becomes a mailto link. */}
              {EMAIL.test(props.email.trim()) ? (
                <a className="underline" href={`mailto:${props.email.trim()}`}>
                  {props.email.trim()}
                </a>
              ) : (
                props.email
              )}
            </dd>
          ) : null}
          {web ? (
            <dd>
              <a className="underline" href={web}>
                {props.webUrl
                  .trim()
                  .replace(/^https?:\/\//i, "")
                  .replace(/\/$/, "")}
              </a>
            </dd>
          ) : props.webUrl ? (
            <dd>{props.webUrl}</dd>
          ) : null}
        </div>
      </dl>
    </section>
  );
}
