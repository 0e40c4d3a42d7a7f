import { bylineText } from "@/lib/format";
import { EmailDocument } from "./document";
import { emailImageSource } from "./images";
import { s } from "./styles";
import type { EditionText, EmailImages } from "./types";
import { EmailFigure } from "./figure";

/**
 * One text with its title, lead, byline, cover and body. In an issue the title is an h2 linked to
 * the article's page, with "Krönika" above a column; a post's title is the mail's h1.
 */
export function EmailArticle(props: { text: EditionText; origin: string; images: EmailImages; level: 1 | 2; meta?: string }) {
  const { text, origin, images } = props;
  // Also when the text is signed: a post of several signed sections names every writer only here.
  const byline = bylineText(text.byline);
  const meta = [props.meta, byline].filter(Boolean).join(" · ");
  const Title = props.level === 1 ? "h1" : "h2";
  return (
    <>
      {text.placement === "column" && props.level === 2 ? <p style={{ ...s.kicker, marginTop: "32px" }}>Krönika</p> : null}
      <Title style={props.level === 1 ? s.h1 : text.placement === "column" ? { ...s.h2, marginTop: 0 } : s.h2}>
        {props.level === 2 ? (
          <a href={text.url} style={{ color: s.h2.color, textDecoration: "none" }}>
            {text.title}
          </a>
        ) : (
          text.title
        )}
      </Title>
      {meta ? <p style={s.small}>{meta}</p> : null}
      {text.lead ? <p style={s.lead}>{text.lead}</p> : null}
      {text.cover ? <EmailFigure image={emailImageSource(origin, images, text.cover.id)} alt={text.cover.alt} caption={text.cover.caption} credit={text.cover.credit} /> : null}
      <EmailDocument content={text.body} ctx={{ origin, images, baseUrl: text.url, headingTop: props.level + 1 }} />
    </>
  );
}
