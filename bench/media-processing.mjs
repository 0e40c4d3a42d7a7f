// Image upload cost (issue: media): processImage on a 12 MP photo against a plain sharp resize of
// the same file, as the reference from the same run (the machines are shared and noisy). Also the
// AVIF encoder at the effort we use (2) and at sharp's default (4), which is why we use 2.
//   node --import tsx bench/media-processing.mjs            (prints)
//   node --import tsx bench/media-processing.mjs --write    (also updates bench/RESULTS.md)
import sharp from "sharp";
import { processImage } from "../lib/media/process-image.ts";

const RUNS = 3;
const WIDTH = 4000;
const HEIGHT = 3000;

/** A photo stand-in: a rendered scene (sky, sun, houses, trees, text) with sensor-like noise. */
async function photo() {
  let seed = 7;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const shapes = [];
  for (let i = 0; i < 400; i++) {
    const h = 100 + random() * 700;
    const g = Math.floor(60 + random() * 120);
    shapes.push(
      `<rect x="${random() * WIDTH}" y="${1500 + random() * 1500 - h}" width="${30 + random() * 300}" height="${h}" fill="rgb(${g},${Math.floor(g * 0.8)},${Math.floor(g * 0.6)})"/>`,
    );
  }
  for (let i = 0; i < 300; i++) {
    shapes.push(
      `<ellipse cx="${random() * WIDTH}" cy="${2200 + random() * 800}" rx="${40 + random() * 160}" ry="${30 + random() * 120}" fill="rgb(${Math.floor(30 + random() * 60)},${Math.floor(90 + random() * 90)},${Math.floor(30 + random() * 50)})"/>`,
    );
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
    <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#6fa8dc"/><stop offset="1" stop-color="#f3e2c7"/></linearGradient>
    <radialGradient id="sun"><stop offset="0" stop-color="#fff6c0"/><stop offset="1" stop-color="#f4a62a" stop-opacity="0"/></radialGradient></defs>
    <rect width="100%" height="100%" fill="url(#sky)"/><circle cx="3000" cy="700" r="600" fill="url(#sun)"/>${shapes.join("")}
    <text x="200" y="400" font-size="220" font-family="sans-serif" fill="#223">Exempelby torg</text></svg>`;
  const scene = await sharp(Buffer.from(svg)).blur(1.2).png().toBuffer();
  const noise = await sharp({ create: { width: WIDTH, height: HEIGHT, channels: 3, noise: { type: "gaussian", mean: 128, sigma: 12 } } })
    .png()
    .toBuffer();
  return sharp(scene)
    .composite([{ input: noise, blend: "soft-light" }])
    .withMetadata({ orientation: 1 })
    .jpeg({ quality: 90 })
    .toBuffer();
}

async function median(run) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

const input = await photo();
const reference = await median(() => sharp(input).resize(1600).webp().toBuffer());
const pipeline = await median(() => processImage(input));
const result = await processImage(input);
const base = await sharp(input).resize(1600).raw().toBuffer({ resolveWithObject: true });
const avif = async (effort) => {
  let total = 0;
  for (const width of [1600, 960, 480]) total += await median(() => sharp(base.data, { raw: base.info }).resize(width).avif({ quality: 50, effort }).toBuffer());
  return total;
};
const [avif2, avif4] = [await avif(2), await avif(4)];

const kb = (n) => `${Math.round(n / 1024)} kB`;
const lines = [
  `Input: a generated ${WIDTH}×${HEIGHT} JPEG (q90, ${kb(input.length)}); medians of ${RUNS} runs.`,
  "",
  "| measure | ms |",
  "| --- | ---: |",
  `| reference: sharp resize to 1600 px WebP | ${Math.round(reference)} |`,
  `| processImage (original + 3 widths × WebP/AVIF) | ${Math.round(pipeline)} |`,
  `| AVIF encode of the 3 widths, effort 2 (used) | ${Math.round(avif2)} |`,
  `| AVIF encode of the 3 widths, effort 4 (sharp's default) | ${Math.round(avif4)} |`,
  "",
  `processImage / reference: **${(pipeline / reference).toFixed(1)}×**. Output: original ${kb(result.original.length)}, ` +
    result.variants.map((v) => `${v.name}.${v.format} ${kb(v.bytes.length)}`).join(", ") +
    ".",
];
console.log(lines.join("\n"));
if (process.argv.includes("--write")) {
  const { writeResults } = await import("./lib.mjs");
  writeResults("Image processing", lines);
}
