import sharp, { type Metadata, type OutputInfo, type Sharp, type SharpOptions } from "sharp";
import { AppError } from "@/lib/errors";
import { plannedVariants, VARIANT_FORMATS, type MediaWidth, type OriginalMimeType, type VariantFormat } from "./sizes";

export const MAX_UPLOAD_BYTES = 15 * 1024 * 1024;
/** Decoded size limit: a few kilobytes of PNG can declare gigabytes of pixels (a decompression bomb). */
export const MAX_PIXELS = 40_000_000;
/** WebP's largest side. A very tall image gets variants narrower than their name rather than failing. */
const MAX_VARIANT_SIDE = 16_383;
/** A stuck or pathological decode must not hold a worker thread for ever. */
const TIMEOUT = { seconds: 30 };
/**
 * AVIF at sharp's default effort 4 took 7–9 s for the three variants of a 12 MP photo on a 2-core
 * machine; effort 2 takes about 1.2 s, with files 10–40 % larger at the same quality (still smaller
 * than WebP). bench/media-processing.mjs measures it.
 */
const AVIF = { quality: 50, effort: 2 } as const;
const WEBP = { quality: 80 } as const;
const JPEG = { quality: 82, progressive: true } as const;

/** AVIF arrives as "heif" (HEIC from iPhones too, though the bundled libheif decodes only AV1). */
const DECODABLE = new Set(["jpeg", "png", "webp", "gif", "heif", "tiff"]);

export const UNSUPPORTED_IMAGE_MESSAGE = "Filen är ingen bild som går att använda. Ladda upp en JPEG-, PNG-, WebP- eller AVIF-bild.";
export const TOO_LARGE_MESSAGE = "Bilden är för stor (högst 15 MB).";
export const TOO_MANY_PIXELS_MESSAGE = "Bilden har för många bildpunkter (högst 40 megapixel). Förminska den och försök igen.";

export type ImageRejection = "unsupported" | "too-large" | "too-many-pixels";

/** An upload refused for what it is; the reason lets a route answer 415 or 413 instead of 400. */
export class ImageRejectedError extends AppError {
  constructor(readonly reason: ImageRejection) {
    const message = reason === "unsupported" ? UNSUPPORTED_IMAGE_MESSAGE : reason === "too-large" ? TOO_LARGE_MESSAGE : TOO_MANY_PIXELS_MESSAGE;
    super("INVALID_INPUT", message, { file: [message] });
    this.name = "ImageRejectedError";
  }
}

export type ProcessedVariant = { name: MediaWidth; width: number; height: number; format: VariantFormat; bytes: Buffer };
export type ProcessedImage = {
  /** Of the original after auto-rotation. */
  width: number;
  height: number;
  mimeType: OriginalMimeType;
  original: Buffer;
  variants: ProcessedVariant[];
};

/**
 * Checks an upload by its content and re-encodes it: the original (rotated upright, in sRGB, with no
 * EXIF, GPS, XMP, IPTC or ICC data left) plus WebP and AVIF variants at the MEDIA_WIDTHS.
 *
 * The original becomes a PNG when it has transparency or came as PNG or GIF (screenshots, diagrams
 * and logos, which JPEG would smear), otherwise a JPEG at quality 82. Only the first frame of an
 * animated image is kept.
 */
export async function processImage(bytes: Buffer): Promise<ProcessedImage> {
  if (bytes.length > MAX_UPLOAD_BYTES) throw new ImageRejectedError("too-large");
  // SVG, PDF and the other formats sharp could read never reach their decoders.
  if (!hasImageSignature(bytes)) throw new ImageRejectedError("unsupported");

  let meta: Metadata;
  try {
    // Reads the header only; the pixel limit is ours to check below, with a message of our own.
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new ImageRejectedError("unsupported");
  }
  if (!DECODABLE.has(meta.format)) throw new ImageRejectedError("unsupported");
  if (!meta.width || !meta.height) throw new ImageRejectedError("unsupported");
  if (meta.width * meta.height > MAX_PIXELS) throw new ImageRejectedError("too-many-pixels");

  const png = meta.hasAlpha || meta.format === "png" || meta.format === "gif";
  const upright = meta.autoOrient;
  const plan = plannedVariants(upright.width);
  const largest = plan[plan.length - 1]!.width;

  try {
    const [original, base] = await Promise.all([
      encodeOriginal(decode(bytes), png),
      fitWidth(decode(bytes), largest).raw().toBuffer({ resolveWithObject: true }),
    ]);
    // One decode feeds all variants, each resized from the largest one's pixels; names that share
    // a width (a narrow original) share one encoding.
    const encodings = new Map<string, Promise<{ data: Buffer; info: OutputInfo }>>();
    const encode = (width: number, format: VariantFormat) => {
      const key = `${width}.${format}`;
      if (!encodings.has(key)) {
        const pipeline = fitWidth(sharp(base.data, { raw: base.info }).timeout(TIMEOUT), width);
        encodings.set(key, (format === "avif" ? pipeline.avif(AVIF) : pipeline.webp(WEBP)).toBuffer({ resolveWithObject: true }));
      }
      return encodings.get(key)!;
    };
    const variants = await Promise.all(
      plan.flatMap(({ name, width }) =>
        VARIANT_FORMATS.map(async (format): Promise<ProcessedVariant> => {
          const out = await encode(width, format);
          return { name, width: out.info.width, height: out.info.height, format, bytes: out.data };
        }),
      ),
    );
    return { width: original.info.width, height: original.info.height, mimeType: png ? "image/png" : "image/jpeg", original: original.data, variants };
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message)) throw new ImageRejectedError("too-many-pixels");
    // Corrupt or truncated data, or a codec the bundled libraries lack (HEVC-coded HEIC).
    throw new ImageRejectedError("unsupported");
  }
}

const DECODE_OPTIONS: SharpOptions = {
  // The header check above already ran; this guards against a header that lied.
  limitInputPixels: MAX_PIXELS,
  // Real cameras write slightly non-conforming JPEGs ("warning"); truncated or broken data is refused.
  failOn: "error",
  autoOrient: true,
};

/**
 * A fresh pipeline over the upload, rotated upright and in sRGB. No output here keeps metadata: sharp
 * writes none unless asked (keepExif, withMetadata …), and converts an embedded ICC profile to sRGB.
 */
function decode(bytes: Buffer): Sharp {
  return sharp(bytes, DECODE_OPTIONS).toColourspace("srgb").timeout(TIMEOUT);
}

function encodeOriginal(pipeline: Sharp, png: boolean) {
  return (png ? pipeline.png() : pipeline.jpeg(JPEG)).toBuffer({ resolveWithObject: true });
}

function fitWidth(pipeline: Sharp, width: number): Sharp {
  return pipeline.resize({ width, height: MAX_VARIANT_SIDE, fit: "inside", withoutEnlargement: true });
}

/** The magic numbers of JPEG, PNG, GIF, WebP, HEIF/AVIF (ISO-BMFF "ftyp") and TIFF. */
export function hasImageSignature(bytes: Buffer): boolean {
  const ascii = (start: number, end: number) => bytes.subarray(start, end).toString("latin1");
  if (bytes.length < 12) return false;
  return (
    (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) ||
    ascii(0, 8) === "\x89PNG\r\n\x1a\n" ||
    ascii(0, 6) === "GIF87a" ||
    ascii(0, 6) === "GIF89a" ||
    (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") ||
    ascii(4, 8) === "ftyp" ||
    ascii(0, 4) === "II*\0" ||
    ascii(0, 4) === "MM\0*"
  );
}
