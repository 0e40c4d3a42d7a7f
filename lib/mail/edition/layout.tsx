import { Body, Container, Head, Html, Preview, Section } from "@react-email/components";
import type { ReactNode } from "react";
import { UNSUBSCRIBE_URL_PLACEHOLDER } from "./placeholder";
import { CONTENT_WIDTH, COLORS, PADDING, s } from "./styles";

export const TEST_BANNER = "Detta är ett provutskick – det har inte skickats till prenumeranterna.";

/**
 * The frame every edition shares: <html lang="sv"> with a <title>, the hidden preview line, an
 * optional test banner, "Läs på webben", the content, and a footer with "Avsluta prenumeration".
 * The column is a 600 px presentation table: the width attribute for Outlook for Windows, which
 * ignores max-width, and width 100 % / max-width 600 px for everyone else (phones included).
 */
export function EmailLayout(props: {
  title: string;
  preheader: string;
  test: boolean;
  webUrl: string;
  /** Why the reader gets this mail: "… eftersom du prenumererar på <publication>." */
  subscribedTo: string;
  children: ReactNode;
}) {
  return (
    <Html lang="sv">
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
      </Head>
      <Body style={s.body}>
        <Preview>{props.preheader}</Preview>
        <Container width={CONTENT_WIDTH} style={s.container}>
          {props.test ? (
            <Section style={{ backgroundColor: "#fff3cd", borderBottom: "2px solid #8a6d00" }}>
              <p style={{ ...s.p, margin: 0, padding: `12px ${PADDING}px`, fontWeight: "bold", color: "#3d2e00" }}>{TEST_BANNER}</p>
            </Section>
          ) : null}
          <Section style={{ ...s.cell, paddingTop: "16px" }}>
            <p style={{ ...s.small, textAlign: "right" }}>
              <a href={props.webUrl} style={s.link}>
                Läs på webben
              </a>
            </p>
          </Section>
          <Section style={{ ...s.cell, paddingBottom: "8px" }}>{props.children}</Section>
          <Section style={{ ...s.cell, borderTop: `1px solid ${COLORS.line}`, paddingTop: "16px", paddingBottom: "24px" }}>
            <p style={s.small}>{`Du får det här brevet eftersom du prenumererar på ${props.subscribedTo}.`}</p>
            <p style={{ ...s.small, margin: 0 }}>
              <a href={UNSUBSCRIBE_URL_PLACEHOLDER} style={s.link}>
                Avsluta prenumeration
              </a>
            </p>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
