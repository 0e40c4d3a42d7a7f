/**
 * The media file scheme, shared by the upload pipeline, the file route and the media library. The
 * widths and the URL of the WebP rendering belong to the figure extension (what documents render);
 * this module adds the other files. sharp-free, so that client code may import it too.
 */
import { MEDIA_WIDTHS, type MediaWidth } from "@/lib/content/extensions/figure";

export { MEDIA_WIDTHS, mediaUrl, type MediaWidth } from "@/lib/content/extensions/figure";

export const VARIANT_FORMATS = ["avif", "webp"] as const;
export type VariantFormat = (typeof VARIANT_FORMATS)[number];

export const ORIGINAL_EXTENSIONS = { "image/jpeg": "jpg", "image/png": "png" } as const;
export type OriginalMimeType = keyof typeof ORIGINAL_EXTENSIONS;

/**
 * The only file names the public media route serves: `original.jpg|png`, `original.svg` (a logo,
 * sanitised on upload: lib/site/logo.ts) and `<width>.webp|avif`.
 */
export const MEDIA_FILE_PATTERN = new RegExp(`^(?:original\\.(?:jpg|png|svg)|(?:${MEDIA_WIDTHS.join("|")})\\.(?:webp|avif))$`);

export const CONTENT_TYPES: Record<string, string> = {
  jpg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  avif: "image/avif",
  svg: "image/svg+xml",
};

/** Storage key of one file of one image; also its URL path after /media/. */
export function mediaFileKey(mediaId: string, file: string): string {
  return `${mediaId}/${file}`;
}

/** Public URL of any file of an image, e.g. /media/<id>/960.avif or /media/<id>/original.jpg. */
export function mediaFileUrl(mediaId: string, file: string): string {
  return `/media/${encodeURIComponent(mediaId)}/${encodeURIComponent(file)}`;
}

/**
 * The derived files of an image `originalWidth` wide. Every upload gets every listed width, so that
 * a renderer that knows only the media id never links to a missing file; a file is never wider
 * than the original, so a 700 px image's 960 and 1600 files are both 700 px (the same bytes).
 */
export function plannedVariants(originalWidth: number): { name: MediaWidth; width: number }[] {
  return MEDIA_WIDTHS.map((name) => ({ name, width: Math.min(name, originalWidth) }));
}
