import "server-only";
import createDOMPurify from "dompurify";
import { JSDOM } from "jsdom";
import sharp from "sharp";
import { ImageRejectedError, processImage, type ProcessedImage } from "@/lib/media/process-image";
import { AppError } from "@/lib/errors";

/** Logos are small; a bigger SVG is almost always an embedded photograph or a mistake. */
export const MAX_SVG_BYTES = 512 * 1024;

/** The width an SVG logo is drawn at for the raster sizes (favicon, e-mail, the media library). */
const SVG_RASTER_WIDTH = 960;

export type ProcessedLogo = {
  image: ProcessedImage;
  /** The sanitised SVG, when the logo was one: served as the original, drawn sharp at any size. */
  svg: Buffer | null;
};

/** Anything whose first tag (after an XML declaration, comments or a doctype) is <svg>. */
export function looksLikeSvg(bytes: Buffer): boolean {
  const head = bytes
    .subarray(0, 4096)
    .toString("utf8")
    .replace(/^\uFEFF/, "");
  return /^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(head);
}

/** Does a value (a fill, a style attribute) contain a CSS url() that points outside the document? */
export function outsideUrl(value: string): boolean {
  return [...value.matchAll(/url\s*\(\s*(['"]?)\s*([^'")]*)/gi)].some((match) => !match[2]!.trim().startsWith("#"));
}

let purifier: ReturnType<typeof createDOMPurify> | null = null;

function svgPurifier() {
  if (purifier) return purifier;
  purifier = createDOMPurify(new JSDOM("").window as unknown as Window & typeof globalThis);
  // A reference may only point inside the logo itself: no file, no web address, nothing the
  // rasteriser (librsvg) or a browser opening the file could fetch.
  purifier.addHook("uponSanitizeAttribute", (_node, data) => {
    const value = data.attrValue.trim();
    if ((data.attrName === "href" || data.attrName === "xlink:href") && !value.startsWith("#")) data.keepAttr = false;
    if (outsideUrl(value)) data.keepAttr = false;
  });
  return purifier;
}

/**
 * An SVG with everything that can run or fetch removed: scripts, event handlers, foreignObject
 * (HTML inside the SVG), <style> (CSS can @import), embedded images and every outside reference.
 * What is left is shapes, text and gradients: what a logo is.
 */
export function sanitizeSvg(source: string): string {
  const clean = svgPurifier().sanitize(source, {
    USE_PROFILES: { svg: true, svgFilters: true },
    FORBID_TAGS: ["style", "image", "foreignObject", "script", "use"],
    RETURN_TRUSTED_TYPE: false,
  });
  return String(clean);
}

const NOT_A_LOGO = "Filen är ingen bild som går att använda som logotyp. Ladda upp en PNG-, JPEG-, WebP- eller SVG-fil.";
const NOT_AN_SVG = "SVG-filen kunde inte läsas som en bild. Spara den på nytt i ritprogrammet eller ladda upp en PNG-bild.";

/**
 * A logo upload: PNG, JPEG or WebP go through the media pipeline (checked by content, re-encoded,
 * metadata dropped); an SVG is sanitised first, then drawn once with sharp for the raster sizes.
 */
export async function processLogo(bytes: Buffer): Promise<ProcessedLogo> {
  if (!looksLikeSvg(bytes)) {
    try {
      return { image: await processImage(bytes), svg: null };
    } catch (error) {
      if (!(error instanceof ImageRejectedError)) throw error;
      const message = error.reason === "unsupported" ? NOT_A_LOGO : error.message;
      throw new AppError("INVALID_INPUT", message, { logo: [message] });
    }
  }
  if (bytes.length > MAX_SVG_BYTES) {
    throw new AppError("INVALID_INPUT", "SVG-filen är för stor (högst 512 kB).", { logo: ["SVG-filen är för stor (högst 512 kB)."] });
  }
  const clean = sanitizeSvg(bytes.toString("utf8"));
  if (!/^<svg[\s>]/i.test(clean.trim())) throw new AppError("INVALID_INPUT", NOT_AN_SVG, { logo: [NOT_AN_SVG] });
  const svg = Buffer.from(clean, "utf8");
  let png: Buffer;
  try {
    png = await sharp(svg, { limitInputPixels: 40_000_000 }).resize({ width: SVG_RASTER_WIDTH, withoutEnlargement: false }).png().toBuffer();
  } catch {
    throw new AppError("INVALID_INPUT", NOT_AN_SVG, { logo: [NOT_AN_SVG] });
  }
  return { image: await processImage(png), svg };
}
