import type { JSONContent } from "@tiptap/core";
import type { Mark, Node as PMNode } from "@tiptap/pm/model";
import { renderToReactElement } from "@tiptap/static-renderer/pm/react";
import type { CSSProperties, ReactNode } from "react";
import { contentExtensions, isAllowedHref } from "@/lib/content/extensions";
import { EmailFigure } from "./figure";
import { emailImageSource } from "./images";
import { s, tight } from "./styles";
import type { EmailImages } from "./types";

export type DocumentContext = {
  origin: string;
  /** The text's web page: relative links ("/kalender", "#anmalan") resolve against it. */
  baseUrl: string;
  images: EmailImages;
  /** The level the document's highest heading becomes (3 under an article's h2 in an issue). */
  headingTop: number;
};

type NodeProps = { node: PMNode; parent?: PMNode; children?: ReactNode };
type MarkProps = { mark: Mark; children?: ReactNode };

const LINK_SCHEMES = new Set(["http:", "https:", "mailto:", "tel:"]);

/**
 * An absolute href for a stored link, or null when it must not become a link. Stored documents are
 * validated with the same rule, so null means a document that bypassed the validator: its text is
 * kept, the link dropped (never a javascript: or data: href in a mail).
 */
export function emailHref(href: string, baseUrl: string): string | null {
  if (!isAllowedHref(href)) return null;
  try {
    const url = new URL(href.trim(), baseUrl);
    return LINK_SCHEMES.has(url.protocol) ? url.toString() : null;
  } catch {
    return null;
  }
}

/** Paragraphs inside cells, list items and boxes lose the bottom margin their container provides. */
function paragraphStyle(parent: PMNode | undefined): CSSProperties {
  switch (parent?.type.name) {
    case "listItem":
    case "tableCell":
    case "tableHeader":
      return tight(s.p);
    case "infoBox":
    case "qaAnswer":
      return { ...s.p, margin: "0 0 8px" };
    default:
      return s.p;
  }
}

const UNWRAPPED = new Set(["listItem", "tableCell", "tableHeader"]);

const HEADING_STYLES: Record<number, CSSProperties> = { 1: s.h1, 2: s.h2, 3: s.h3 };

function headingShift(doc: JSONContent, top: number): number {
  let min = Infinity;
  const walk = (node: JSONContent) => {
    if (node.type === "heading" && typeof node.attrs?.level === "number") min = Math.min(min, node.attrs.level);
    node.content?.forEach(walk);
  };
  walk(doc);
  return min === Infinity ? 0 : top - min;
}

const span = (node: PMNode, name: "colspan" | "rowspan") => (Number(node.attrs[name]) > 1 ? Number(node.attrs[name]) : undefined);

/**
 * The e-mail rendering of every node and mark type of contentExtensions, as table-free React where
 * mail clients cope (paragraphs, lists, quotes) and as presentation tables where they need one (the
 * fact box). document.test.ts checks that every type of the schema has an entry here.
 */
export function emailMappings(ctx: DocumentContext, shift = 0) {
  const nodeMapping: Record<string, (props: NodeProps) => ReactNode> = {
    doc: ({ children }) => <>{children}</>,
    text: ({ node }) => node.text ?? "",
    paragraph: ({ node, parent, children }) =>
      // A list item or cell of one paragraph is the common case; a <p> in it adds Outlook's own margins.
      parent && UNWRAPPED.has(parent.type.name) && parent.childCount === 1 ? <>{children}</> : <p style={paragraphStyle(parent)}>{node.childCount > 0 ? children : "\u00a0"}</p>,
    heading: ({ node, children }) => {
      const level = Math.min(6, Math.max(1, Number(node.attrs.level) + shift));
      const Tag = `h${level}` as "h2";
      return <Tag style={HEADING_STYLES[level] ?? s.h4}>{children}</Tag>;
    },
    bulletList: ({ children }) => <ul style={s.list}>{children}</ul>,
    orderedList: ({ node, children }) => (
      <ol start={Number(node.attrs.start) > 1 ? Number(node.attrs.start) : undefined} style={s.list}>
        {children}
      </ol>
    ),
    listItem: ({ children }) => <li style={{ margin: "0 0 4px" }}>{children}</li>,
    blockquote: ({ children }) => <blockquote style={s.quote}>{children}</blockquote>,
    horizontalRule: () => <hr style={s.hr} />,
    hardBreak: () => <br />,
    infoBox: ({ node, children }) => (
      <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} border={0} style={{ margin: "0 0 16px" }}>
        <tbody>
          <tr>
            <td style={s.box}>
              <p style={{ ...s.p, margin: "0 0 8px", fontWeight: "bold" }}>{String(node.attrs.title ?? "")}</p>
              {children}
            </td>
          </tr>
        </tbody>
      </table>
    ),
    signature: ({ node }) => (
      <p style={s.p}>
        <strong>{String(node.attrs.name ?? "")}</strong>
        {node.attrs.title ? (
          <>
            <br />
            {String(node.attrs.title)}
          </>
        ) : null}
      </p>
    ),
    figure: ({ node }) => (
      <EmailFigure
        image={emailImageSource(ctx.origin, ctx.images, String(node.attrs.mediaId ?? ""), {
          width: node.attrs.width as number | null,
          height: node.attrs.height as number | null,
        })}
        alt={String(node.attrs.alt ?? "")}
        caption={String(node.attrs.caption ?? "")}
        credit={String(node.attrs.credit ?? "")}
      />
    ),
    // A description list, as on the web (see lib/content/extensions/question-answer.ts); the margins
    // are set because mail clients indent a dd by 40px of their own.
    qa: ({ children }) => <dl style={{ margin: "0 0 16px", padding: 0 }}>{children}</dl>,
    qaPair: ({ children }) => <div style={{ margin: "0 0 12px" }}>{children}</div>,
    qaQuestion: ({ children }) => <dt style={{ ...s.p, margin: "0 0 4px", fontWeight: "bold" }}>{children}</dt>,
    qaAnswer: ({ children }) => <dd style={{ margin: 0, padding: 0 }}>{children}</dd>,
    table: ({ children }) => (
      // A data table, not a layout one (no role="presentation"); the attribute makes the text part a grid.
      <table width="100%" cellPadding={0} cellSpacing={0} border={0} style={s.table} data-text-format="dataTable">
        <tbody>{children}</tbody>
      </table>
    ),
    tableRow: ({ children }) => <tr>{children}</tr>,
    tableHeader: ({ node, children }) => (
      <th colSpan={span(node, "colspan")} rowSpan={span(node, "rowspan")} style={s.th}>
        {children}
      </th>
    ),
    tableCell: ({ node, children }) => (
      <td colSpan={span(node, "colspan")} rowSpan={span(node, "rowspan")} style={s.td}>
        {children}
      </td>
    ),
  };
  const markMapping: Record<string, (props: MarkProps) => ReactNode> = {
    bold: ({ children }) => <strong>{children}</strong>,
    italic: ({ children }) => <em>{children}</em>,
    link: ({ mark, children }) => {
      const href = emailHref(String(mark.attrs.href ?? ""), ctx.baseUrl);
      return href ? (
        <a href={href} style={s.link}>
          {children}
        </a>
      ) : (
        <>{children}</>
      );
    },
  };
  return { nodeMapping, markMapping };
}

/**
 * A stored document as e-mail HTML elements: the same JSON and the same extension list as the web
 * page (lib/content/render.ts), with e-mail mappings for every type. A type the mappings lack (a
 * document older than an extension's removal) keeps its text rather than vanishing.
 */
export function EmailDocument({ content, ctx }: { content: JSONContent; ctx: DocumentContext }) {
  const { nodeMapping, markMapping } = emailMappings(ctx, headingShift(content, ctx.headingTop));
  return renderToReactElement({
    content,
    extensions: contentExtensions,
    options: {
      nodeMapping,
      markMapping,
      unhandledNode: ({ children }) => <>{children}</>,
      unhandledMark: ({ children }) => <>{children}</>,
    },
  });
}
