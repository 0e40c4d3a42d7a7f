import { deflateSync, crc32 } from "node:zlib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import {
  hasImageSignature,
  MAX_UPLOAD_BYTES,
  processImage,
  TOO_LARGE_MESSAGE,
  TOO_MANY_PIXELS_MESSAGE,
  UNSUPPORTED_IMAGE_MESSAGE,
} from "./process-image";
import { plannedVariants } from "./sizes";

/** True when a raw EXIF block's first IFD points to a GPS IFD (tag 0x8825). */
function hasGpsIfd(exif: Buffer): boolean {
  const tiff = exif.subarray(exif.subarray(0, 6).toString("latin1") === "Exif\0\0" ? 6 : 0);
  const le = tiff.subarray(0, 2).toString("latin1") === "II";
  const u16 = (at: number) => (le ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const ifd0 = le ? tiff.readUInt32LE(4) : tiff.readUInt32BE(4);
  for (let i = 0; i < u16(ifd0); i++) if (u16(ifd0 + 2 + i * 12) === 0x8825) return true;
  return false;
}

/** A landscape photo stand-in: left half red, right half blue, as a camera would store it. */
function halves(width: number, height: number) {
  const left = { input: { create: { width: Math.ceil(width / 2), height, channels: 3 as const, background: "#d00000" } }, left: 0, top: 0 };
  return sharp({ create: { width, height, channels: 3, background: "#0000d0" } }).composite([left]);
}

/** A phone photo: GPS position, camera EXIF, XMP, a Display P3 profile, and "rotate 90° to view". */
async function phonePhoto(): Promise<Buffer> {
  const pixels = await halves(1200, 800).png().toBuffer();
  return sharp(pixels)
    .withIccProfile("p3")
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: "Exempelkamera", Model: "EK-1" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "59/1 52/1 1234/100", GPSLongitudeRef: "E", GPSLongitude: "15/1 25/1 0/1" },
    })
    .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></x:xmpmeta>')
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** A valid PNG that declares width × height one-bit pixels, all zero: kilobytes on disk, gigabytes decoded. */
function pngBomb(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale
  const rows = deflateSync(Buffer.alloc(height * (1 + Math.ceil(width / 8))), { level: 9 });
  return Buffer.concat([Buffer.from("\x89PNG\r\n\x1a\n", "latin1"), chunk("IHDR", header), chunk("IDAT", rows), chunk("IEND", Buffer.alloc(0))]);
}

async function pixel(bytes: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [...data.subarray(at, at + 3)];
}

describe("processImage", () => {
  it("strips EXIF with GPS, XMP and the ICC profile from the original and every variant, after rotating upright", async () => {
    const input = await phonePhoto();
    const before = await sharp(input).metadata();
    expect(hasGpsIfd(before.exif!)).toBe(true);
    expect(before).toMatchObject({ orientation: 6, width: 1200, height: 800 });
    expect(before.xmp).toBeDefined();
    expect(before.icc).toBeDefined();

    const result = await processImage(input);
    expect(result).toMatchObject({ width: 800, height: 1200, mimeType: "image/jpeg" });
    expect(result.variants).toHaveLength(6); // 480, 960 and 1600 (both 800 px wide), each as AVIF and WebP
    for (const file of [result.original, ...result.variants.map((v) => v.bytes)]) {
      const after = await sharp(file).metadata();
      expect(after.exif).toBeUndefined();
      expect(after.xmp).toBeUndefined();
      expect(after.iptc).toBeUndefined();
      expect(after.icc).toBeUndefined();
      expect(after.orientation).toBeUndefined();
      expect(file.includes("Exempelkamera")).toBe(false);
    }
  });

  it("honours the EXIF orientation: what was stored on the left ends up on top", async () => {
    const { original, variants } = await processImage(await phonePhoto());
    const top = await pixel(original, 400, 100);
    const bottom = await pixel(original, 400, 1100);
    expect(top[0]).toBeGreaterThan(150);
    expect(bottom[2]).toBeGreaterThan(150);
    const small = variants.find((v) => v.name === 480 && v.format === "webp")!;
    expect([small.width, small.height]).toEqual([480, 720]);
    expect((await pixel(small.bytes, 240, 20))[0]).toBeGreaterThan(150);
  });

  it("converts colours from an embedded profile to sRGB instead of dropping the profile", async () => {
    const srgb = { r: 200, g: 60, b: 60 };
    const p3 = await sharp({ create: { width: 64, height: 64, channels: 3, background: srgb } }).withIccProfile("p3").jpeg({ quality: 95 }).toBuffer();
    const [r, g, b] = await pixel((await processImage(p3)).original, 32, 32);
    expect(Math.abs(r! - srgb.r) + Math.abs(g! - srgb.g) + Math.abs(b! - srgb.b)).toBeLessThan(12);
  });

  it("makes every listed width, never wider than the original", async () => {
    const wide = await processImage(await halves(2000, 1000).jpeg().toBuffer());
    const summary = (variants: typeof wide.variants) => variants.map((v) => `${v.name}.${v.format}:${v.width}x${v.height}`).sort();
    expect(summary(wide.variants)).toEqual(["1600.avif:1600x800", "1600.webp:1600x800", "480.avif:480x240", "480.webp:480x240", "960.avif:960x480", "960.webp:960x480"]);

    const narrow = await processImage(await halves(700, 350).jpeg().toBuffer());
    expect(summary(narrow.variants)).toEqual(["1600.avif:700x350", "1600.webp:700x350", "480.avif:480x240", "480.webp:480x240", "960.avif:700x350", "960.webp:700x350"]);
    // Names that share a width share one encoding.
    const webp = (name: number) => narrow.variants.find((v) => v.name === name && v.format === "webp")!.bytes;
    expect(webp(1600)).toBe(webp(960));

    const tiny = await processImage(await halves(300, 100).jpeg().toBuffer());
    expect(summary(tiny.variants)).toEqual(["1600.avif:300x100", "1600.webp:300x100", "480.avif:300x100", "480.webp:300x100", "960.avif:300x100", "960.webp:300x100"]);
    for (const variant of tiny.variants) {
      expect((await sharp(variant.bytes).metadata()).format).toBe(variant.format === "webp" ? "webp" : "heif");
    }
  });

  it("keeps transparency and lossless sources as PNG, photos as JPEG", async () => {
    const logo = await sharp({ create: { width: 200, height: 100, channels: 4, background: { r: 0, g: 80, b: 160, alpha: 0.5 } } }).png().toBuffer();
    const result = await processImage(logo);
    expect(result.mimeType).toBe("image/png");
    expect(await sharp(result.original).metadata()).toMatchObject({ format: "png", hasAlpha: true });
    const webp = await processImage(await halves(200, 100).webp().toBuffer());
    expect(webp.mimeType).toBe("image/jpeg");
    expect((await sharp(webp.original).metadata()).format).toBe("jpeg");
  });

  it("rejects files that are not images, whatever they are called", async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    const html = Buffer.from("<!doctype html><html><body><img src=x onerror=alert(1)></body></html>");
    const text = Buffer.from("Det här är ingen bild, bara text som någon döpt till bild.jpg");
    const pdf = Buffer.from("%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF");
    for (const bytes of [svg, html, text, pdf, Buffer.alloc(0)]) {
      await expect(processImage(bytes)).rejects.toMatchObject({ code: "INVALID_INPUT", reason: "unsupported", message: UNSUPPORTED_IMAGE_MESSAGE });
    }
  });

  it("rejects an image whose data is cut off or corrupt", async () => {
    const jpeg = await halves(800, 600).jpeg().toBuffer();
    await expect(processImage(jpeg.subarray(0, Math.floor(jpeg.length / 2)))).rejects.toMatchObject({ reason: "unsupported" });
    const garbled = Buffer.from(jpeg);
    garbled.fill(0x55, 700, garbled.length - 2);
    await expect(processImage(garbled)).rejects.toMatchObject({ reason: "unsupported" });
  });

  it("rejects an upload over 15 MB before looking at it", async () => {
    const big = Buffer.alloc(MAX_UPLOAD_BYTES + 1);
    big.set([0xff, 0xd8, 0xff]);
    await expect(processImage(big)).rejects.toMatchObject({ reason: "too-large", message: TOO_LARGE_MESSAGE });
  });

  it("rejects a decompression bomb from its header, without decoding it", async () => {
    const bomb = pngBomb(30_000, 30_000);
    expect(bomb.length).toBeLessThan(200_000);
    const started = performance.now();
    await expect(processImage(bomb)).rejects.toMatchObject({ reason: "too-many-pixels", message: TOO_MANY_PIXELS_MESSAGE });
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("plannedVariants", () => {
  it("plans every listed width and never upscales", () => {
    expect(plannedVariants(4000)).toEqual([{ name: 480, width: 480 }, { name: 960, width: 960 }, { name: 1600, width: 1600 }]);
    expect(plannedVariants(961)).toEqual([{ name: 480, width: 480 }, { name: 960, width: 960 }, { name: 1600, width: 961 }]);
    expect(plannedVariants(480)).toEqual([{ name: 480, width: 480 }, { name: 960, width: 480 }, { name: 1600, width: 480 }]);
    expect(plannedVariants(12)).toEqual([{ name: 480, width: 12 }, { name: 960, width: 12 }, { name: 1600, width: 12 }]);
  });
});

describe("hasImageSignature", () => {
  it("knows the raster formats by their first bytes", async () => {
    for (const format of ["jpeg", "png", "webp", "gif", "avif", "tiff"] as const) {
      const bytes = await sharp({ create: { width: 16, height: 16, channels: 3, background: "#123456" } }).toFormat(format).toBuffer();
      expect(hasImageSignature(bytes), format).toBe(true);
    }
    expect(hasImageSignature(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBe(false);
  });
});
