import { mediaUrl } from "@/lib/content/extensions/figure";
import { mediaFileUrl, ORIGINAL_EXTENSIONS } from "@/lib/media/sizes";
import { IMAGE_WIDTH } from "./styles";
import type { EmailImages } from "./types";

export type EmailImageSource = { src: string; width: number; height: number | undefined };

/**
 * Which file an e-mail shows, and at what size. The media route serves the re-encoded original
 * (JPEG, or PNG for screenshots and transparency) and WebP/AVIF renderings at 480/960/1600 px.
 * Outlook for Windows shows neither WebP nor AVIF, so mail uses the original: JPEG/PNG, already
 * stripped of metadata and shown at the column's width through the width and height attributes.
 * The cost is bytes (a phone photo's original may weigh a few MB); a JPEG rendering at mail width
 * in the upload pipeline would fix that. An image whose media row is gone falls back to the
 * 960 px WebP the web page uses as its `src`, which most clients other than Outlook show.
 */
export function emailImageSource(origin: string, images: EmailImages, mediaId: string, fallbackSize: { width?: number | null; height?: number | null } = {}): EmailImageSource {
  const image = images[mediaId];
  const extension = image ? ORIGINAL_EXTENSIONS[image.mimeType as keyof typeof ORIGINAL_EXTENSIONS] : undefined;
  const path = extension ? mediaFileUrl(mediaId, `original.${extension}`) : mediaUrl(mediaId, 960);
  const naturalWidth = image?.width ?? fallbackSize.width ?? null;
  const naturalHeight = image?.height ?? fallbackSize.height ?? null;
  const width = Math.min(IMAGE_WIDTH, naturalWidth ?? IMAGE_WIDTH);
  const height = naturalWidth && naturalHeight ? Math.round((width * naturalHeight) / naturalWidth) : undefined;
  return { src: new URL(path, `${origin}/`).toString(), width, height };
}
