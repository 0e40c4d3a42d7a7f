/**
 * WCAG 2.x contrast, as the success criterion 1.4.3 defines it: the relative luminance of two sRGB
 * colours, (L1 + 0.05) / (L2 + 0.05). Plain functions, so that the settings form, its action and
 * the tests agree on one number.
 */

export const HEX_COLOR = /^#[0-9a-f]{6}$/i;

/** The reader pages' background, which the accent colour is read against (as text and as a fill under white text). */
export const PAGE_BACKGROUND = "#ffffff";

/** WCAG AA for normal text. */
export const MIN_CONTRAST = 4.5;

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance(hex: string): number {
  if (!HEX_COLOR.test(hex)) throw new Error(`Not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [1, 3, 5].map((i) => channel(Number.parseInt(hex.slice(i, i + 2), 16))) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * "3,2:1": rounded down to one decimal, so that a colour at 4.49 is never shown as "4,5:1" beside
 * a message saying it is below 4,5:1.
 */
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 10) / 10).toLocaleString("sv-SE", { minimumFractionDigits: 1, maximumFractionDigits: 1 })}:1`;
}
