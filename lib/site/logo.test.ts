import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { looksLikeSvg, outsideUrl, processLogo, sanitizeSvg } from "./logo";

const LOGO = `<?xml version="1.0" encoding="UTF-8"?>
<!-- Exempelby -->
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 40" width="100" height="40">
  <defs><linearGradient id="g"><stop offset="0" stop-color="#1f4e79"/></linearGradient></defs>
  <rect width="100" height="40" fill="url(#g)"/><circle cx="20" cy="20" r="10" fill="#fff"/>
</svg>`;

describe("looksLikeSvg", () => {
  it("knows an SVG by its first tag, not by its name", () => {
    expect(looksLikeSvg(Buffer.from(LOGO))).toBe(true);
    expect(looksLikeSvg(Buffer.from("\uFEFF<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBe(true);
    expect(looksLikeSvg(Buffer.from("<html><svg></svg></html>"))).toBe(false);
    expect(looksLikeSvg(Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toBe(false);
  });
});

describe("sanitizeSvg", () => {
  it.each([
    ["a script", `<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect width="1" height="1"/></svg>`, /script|alert/],
    ["an event handler", `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect onclick="alert(2)" width="1" height="1"/></svg>`, /onload|onclick|alert/],
    ["HTML inside", `<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><img src="x" onerror="alert(1)"/></foreignObject></svg>`, /foreignObject|img|onerror/i],
    ["a javascript: link", `<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><rect width="1" height="1"/></a></svg>`, /javascript/],
    ["a local file", `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="file:///etc/passwd"/></svg>`, /passwd|image/],
    [
      "CSS that fetches",
      `<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://evil.example/x.css);</style><rect style="fill:url(https://evil.example/p)" width="1" height="1"/></svg>`,
      /evil|style/,
    ],
  ])("removes %s", (_, source, forbidden) => {
    const clean = sanitizeSvg(source);
    expect(clean).toMatch(/^<svg/);
    expect(clean).not.toMatch(forbidden);
  });

  it("keeps the shapes and references inside the logo", () => {
    const clean = sanitizeSvg(LOGO);
    expect(clean).toContain('fill="url(#g)"');
    expect(clean).toContain("<circle");
  });

  it("tells inside references from outside ones", () => {
    expect(outsideUrl("url(#g)")).toBe(false);
    expect(outsideUrl("fill: url( '#g' )")).toBe(false);
    expect(outsideUrl("url(#a) url(http://x)")).toBe(true);
    expect(outsideUrl("url(data:image/png;base64,AAAA)")).toBe(true);
  });
});

describe("processLogo", () => {
  it("draws a sanitised SVG for the raster sizes and keeps the clean SVG as the original", async () => {
    const logo = await processLogo(Buffer.from(LOGO.replace("<rect", `<script>alert(1)</script><rect`)));
    expect(logo.svg?.toString()).not.toContain("script");
    expect(logo.image.width).toBe(960);
    expect(logo.image.height).toBe(384);
    expect(logo.image.mimeType).toBe("image/png");
  });

  it("re-encodes a PNG", async () => {
    const png = await sharp({ create: { width: 200, height: 80, channels: 4, background: "#1f4e79" } })
      .png()
      .toBuffer();
    const logo = await processLogo(png);
    expect(logo.svg).toBeNull();
    expect(logo.image.width).toBe(200);
  });

  it("refuses what is no image, in Swedish, under the logo field", async () => {
    const error = await processLogo(Buffer.from("%PDF-1.7 not a logo at all")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fieldErrors?.logo?.[0]).toMatch(/PNG-, JPEG-, WebP- eller SVG-fil/);
    const broken = await processLogo(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg"><rect width="oops`)).catch((e: unknown) => e);
    expect(broken).toBeInstanceOf(AppError);
  });
});
