import sharp from "sharp";
import { getSiteLogo } from "@/db/queries/settings";
import { getDb } from "@/db/client";
import { getMediaStorage } from "@/lib/media/storage";
import { ICON_SIZES, type IconFile } from "@/lib/site/logo-urls";

/** Made once per logo and size: a logo changes a few times in a site's life, a favicon is asked for on every visit. */
const made = new Map<string, Buffer>();

/**
 * The favicon and home-screen icons, made from the site's logo: the whole logo, centred on a white
 * square (a wide logo is not cropped to its first letter). Without a logo there is nothing here,
 * and the layout points browsers at public/favicon.ico instead.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params;
  if (!Object.hasOwn(ICON_SIZES, file)) return missing();
  const size = ICON_SIZES[file as IconFile];
  const logo = await getSiteLogo(await getDb());
  if (!logo) return missing();
  const key = `${logo.id}/${size}`;
  let png = made.get(key);
  if (!png) {
    const stored = await getMediaStorage().get(logo.storageKey);
    if (!stored) return missing();
    const source = Buffer.from(await new Response(stored.body).arrayBuffer());
    png = await sharp(source, { density: logo.mimeType === "image/svg+xml" ? 300 : undefined, limitInputPixels: 40_000_000 })
      .resize({ width: size, height: size, fit: "contain", background: "#ffffff" })
      .flatten({ background: "#ffffff" })
      .png()
      .toBuffer();
    if (made.size > 32) made.clear();
    made.set(key, png);
  }
  return new Response(new Uint8Array(png), {
    headers: { "Content-Type": "image/png", "Cache-Control": "public, max-age=86400", "Content-Length": String(png.length) },
  });
}

function missing(): Response {
  return new Response("Ikonen finns inte.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
