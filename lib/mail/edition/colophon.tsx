import { lowerFirst } from "@/lib/format";
import { COLORS, s } from "./styles";
import type { EditionColophon } from "./types";

const mailto = (address: string) => (
  <a href={`mailto:${address}`} style={s.link}>
    {address}
  </a>
);

/** Ansvarig utgivare, redaktör and the municipality's contact details, as at the end of the web issue. */
export function EmailColophon(props: EditionColophon) {
  const web = /^https?:\/\//i.test(props.webUrl) ? props.webUrl : "";
  return (
    <div style={{ borderTop: `1px solid ${COLORS.line}`, marginTop: "32px", paddingTop: "8px" }}>
      <h2 style={{ ...s.h3, marginTop: "16px" }}>Om nyhetsbrevet</h2>
      {props.publisherName ? (
        <p style={s.small}>
          <strong style={{ color: COLORS.text }}>Ansvarig utgivare:</strong> {props.publisherName}
          {props.publisherTitle ? `, ${lowerFirst(props.publisherTitle)}` : ""}
          {props.publisherEmail ? <>, {mailto(props.publisherEmail)}</> : null}
        </p>
      ) : null}
      {props.editorName ? (
        <p style={s.small}>
          <strong style={{ color: COLORS.text }}>{props.editorLabel}:</strong> {props.editorName}
          {props.editorEmail ? <>, {mailto(props.editorEmail)}</> : null}
        </p>
      ) : null}
      <p style={s.small}>
        <strong style={{ color: COLORS.text }}>{props.municipalityName}</strong>
        {props.streetAddress ? <>, {props.streetAddress}</> : null}
        {props.postalAddress ? <>, {props.postalAddress}</> : null}
        {props.phone ? (
          <>
            <br />
            Telefon {props.phone}
          </>
        ) : null}
        {props.email ? (
          <>
            <br />
            E-post {mailto(props.email)}
          </>
        ) : null}
        {web ? (
          <>
            <br />
            Webb{" "}
            <a href={web} style={s.link}>
              {web.replace(/^https?:\/\//i, "").replace(/\/$/, "")}
            </a>
          </>
        ) : null}
      </p>
    </div>
  );
}
