import type { CSSProperties } from "react";

/**
 * The look of every edition, as inline styles: Gmail drops <style> blocks in some views and Outlook
 * for Windows applies little else. Fixed colours rather than the site's configurable ones, so that
 * contrast (WCAG AA, checked by a11y.test.ts) cannot depend on a setting: text #1a1a1a on white is
 * 17:1, links #1f4e79 8.6:1, muted #555555 7.5:1.
 */
export const COLORS = { text: "#1a1a1a", muted: "#555555", link: "#1f4e79", brand: "#1f4e79", line: "#c8c8c8", tint: "#eef3f8" } as const;

export const FONT = "Arial, Helvetica, sans-serif";

/** The reading column: 600 px is what every client shows without horizontal scrolling. */
export const CONTENT_WIDTH = 600;
export const PADDING = 24;
/** What is left for an image inside the column's padding. */
export const IMAGE_WIDTH = CONTENT_WIDTH - 2 * PADDING;

export const s = {
  body: { backgroundColor: "#f2f2f2", margin: 0, padding: 0, fontFamily: FONT, color: COLORS.text },
  container: { maxWidth: `${CONTENT_WIDTH}px`, width: "100%", backgroundColor: "#ffffff" },
  cell: { padding: `0 ${PADDING}px` },
  p: { margin: "0 0 16px", fontSize: "16px", lineHeight: "24px", fontFamily: FONT, color: COLORS.text },
  small: { margin: "0 0 8px", fontSize: "14px", lineHeight: "20px", fontFamily: FONT, color: COLORS.muted },
  lead: { margin: "0 0 12px", fontSize: "18px", lineHeight: "27px", fontWeight: "bold", fontFamily: FONT, color: COLORS.text },
  kicker: { margin: "0 0 4px", fontSize: "13px", lineHeight: "18px", fontWeight: "bold", textTransform: "uppercase", letterSpacing: "1px", fontFamily: FONT, color: COLORS.brand },
  h1: { margin: "0 0 8px", fontSize: "30px", lineHeight: "36px", fontWeight: "bold", fontFamily: FONT, color: COLORS.text },
  h2: { margin: "32px 0 8px", fontSize: "24px", lineHeight: "30px", fontWeight: "bold", fontFamily: FONT, color: COLORS.text },
  h3: { margin: "24px 0 8px", fontSize: "20px", lineHeight: "26px", fontWeight: "bold", fontFamily: FONT, color: COLORS.text },
  h4: { margin: "20px 0 8px", fontSize: "18px", lineHeight: "24px", fontWeight: "bold", fontFamily: FONT, color: COLORS.text },
  link: { color: COLORS.link, textDecoration: "underline" },
  list: { margin: "0 0 16px", padding: "0 0 0 24px", fontSize: "16px", lineHeight: "24px", fontFamily: FONT, color: COLORS.text },
  quote: { margin: "0 0 16px", padding: "0 0 0 16px", borderLeft: `4px solid ${COLORS.brand}`, fontStyle: "italic" },
  hr: { border: "none", borderTop: `1px solid ${COLORS.line}`, margin: "24px 0" },
  box: { backgroundColor: COLORS.tint, padding: "16px", borderLeft: `4px solid ${COLORS.brand}` },
  table: { borderCollapse: "collapse", width: "100%", margin: "0 0 16px" },
  th: {
    border: `1px solid ${COLORS.line}`,
    padding: "6px 8px",
    textAlign: "left",
    verticalAlign: "top",
    fontFamily: FONT,
    fontSize: "15px",
    lineHeight: "22px",
    color: COLORS.text,
    backgroundColor: COLORS.tint,
  },
  td: {
    border: `1px solid ${COLORS.line}`,
    padding: "6px 8px",
    textAlign: "left",
    verticalAlign: "top",
    fontFamily: FONT,
    fontSize: "15px",
    lineHeight: "22px",
    color: COLORS.text,
  },
  caption: { margin: "6px 0 16px", fontSize: "14px", lineHeight: "20px", fontFamily: FONT, color: COLORS.muted },
} satisfies Record<string, CSSProperties>;

/** A paragraph style without its bottom margin: the last paragraph in a cell or box. */
export function tight(style: CSSProperties): CSSProperties {
  return { ...style, margin: 0 };
}
