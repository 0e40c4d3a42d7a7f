import { mediaUrl } from "@/lib/media/sizes";

type LogoRow = { id: string; storageKey: string; mimeType: string; width: number; height: number };

/** Where the header draws the logo from: a sanitised SVG as itself, a raster logo at its smallest size. */
export function headerLogo(logo: LogoRow | null) {
  if (!logo) return null;
  const src = logo.mimeType === "image/svg+xml" ? `/media/${logo.storageKey}` : mediaUrl(logo.id, 480);
  return { src, width: logo.width, height: logo.height };
}

/** The favicon sizes made from the logo (app/ikon/[file]); the logo's id in the address outdates a browser's copy. */
export const ICON_SIZES = { "32.png": 32, "180.png": 180, "192.png": 192 } as const;
export type IconFile = keyof typeof ICON_SIZES;

export function iconUrl(logoId: string, file: IconFile): string {
  return `/ikon/${file}?v=${logoId.slice(0, 8)}`;
}
