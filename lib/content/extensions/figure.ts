import { mergeAttributes, Node } from "@tiptap/core";
import { insertBlockAndContinue } from "./insert-block";

/** The widths the media server renders every upload at; srcset offers all of them. */
export const MEDIA_WIDTHS = [480, 960, 1600] as const;
export type MediaWidth = (typeof MEDIA_WIDTHS)[number];

/** The width used for `src`, for clients that ignore srcset (old e-mail programs among them). */
const FALLBACK_WIDTH: MediaWidth = 960;
/** The reading column is at most 48rem wide; narrower screens use the full viewport width. */
const SIZES = "(min-width: 48rem) 48rem, 100vw";
const CREDIT_PREFIX = "Foto: ";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Media ids are database uuids in their canonical lower-case form. */
export function isMediaId(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

export function isMediaWidth(value: number): value is MediaWidth {
  return (MEDIA_WIDTHS as readonly number[]).includes(value);
}

/** The one place that knows the URL scheme of rendered images: `/media/<id>/<width>.webp|avif`. */
export function mediaUrl(mediaId: string, width: MediaWidth, format: "webp" | "avif" = "webp"): string {
  return `/media/${encodeURIComponent(mediaId)}/${width}.${format}`;
}

/** Every rendered width of an image in one format, for `srcset`. */
export function mediaSrcSet(mediaId: string, format: "webp" | "avif" = "webp"): string {
  return MEDIA_WIDTHS.map((width) => `${mediaUrl(mediaId, width, format)} ${width}w`).join(", ");
}

export interface FigureAttributes {
  mediaId: string;
  alt?: string;
  caption?: string;
  /** The photographer, shown as "Foto: <credit>". */
  credit?: string;
  /** Intrinsic size of the original, so the browser reserves the space before the image loads. */
  width?: number | null;
  height?: number | null;
}

export interface FigureOptions {
  /**
   * Extra HTML attributes on the figure.
   * @default {}
   */
  HTMLAttributes: Record<string, unknown>;
}

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    figure: {
      /** Inserts an uploaded image by its media id (never the image itself); the cursor goes on after it. */
      setFigure: (attributes: FigureAttributes) => ReturnType;
    };
  }
}

function parseSize(value: string | null | undefined): number | null {
  const size = Number.parseInt(value ?? "", 10);
  return Number.isInteger(size) && size > 0 ? size : null;
}

/** The caption is the figcaption's text without the credit span and the space before it. */
function parseCaption(element: HTMLElement): string {
  const figcaption = element.querySelector("figcaption");
  if (!figcaption) return "";
  const credit = figcaption.querySelector(".figure__credit");
  const text = Array.from(figcaption.childNodes)
    .filter((child) => child !== credit)
    .map((child) => child.textContent ?? "")
    .join("");
  return credit && text.endsWith(" ") ? text.slice(0, -1) : text;
}

function parseCredit(element: HTMLElement): string {
  return creditName(element.querySelector("figcaption .figure__credit")?.textContent ?? "");
}

/**
 * The photographer's name without the "Foto:" the renderers put before it. Writers type "Foto: Eva"
 * as they would on paper; stored as it was typed, it came out as "Foto: Foto: Eva".
 */
export function creditName(credit: string): string {
  return credit.replace(/^\s*(foto|fotograf|bild)\s*:\s*/iu, "").trim();
}

/** "Foto: Eva Exempel", or "" when no photographer is named. */
export function creditLine(credit: string): string {
  const name = creditName(credit);
  return name ? `${CREDIT_PREFIX}${name}` : "";
}

/**
 * An image from the media library with its alt text, caption and photo credit. Only the media id
 * is stored; the renderer derives the responsive URLs, so images can be re-encoded or moved
 * without touching a single document.
 */
export const Figure = Node.create<FigureOptions>({
  name: "figure",
  group: "block",
  atom: true,
  selectable: true,
  draggable: true,

  addOptions() {
    return { HTMLAttributes: {} };
  },

  addAttributes() {
    // Not rendered one by one: renderHTML places each value on the right element.
    return {
      mediaId: {
        isRequired: true,
        validate: "string",
        rendered: false,
        parseHTML: (element) => element.getAttribute("data-media-id"),
      },
      alt: {
        default: "",
        validate: "string",
        rendered: false,
        parseHTML: (element) => element.querySelector("img")?.getAttribute("alt") ?? "",
      },
      caption: { default: "", validate: "string", rendered: false, parseHTML: parseCaption },
      credit: { default: "", validate: "string", rendered: false, parseHTML: parseCredit },
      width: {
        default: null,
        validate: "number|null",
        rendered: false,
        parseHTML: (element) => parseSize(element.querySelector("img")?.getAttribute("width")),
      },
      height: {
        default: null,
        validate: "number|null",
        rendered: false,
        parseHTML: (element) => parseSize(element.querySelector("img")?.getAttribute("height")),
      },
    };
  },

  parseHTML() {
    // Without a media id there is nothing to show: such a figure is skipped rather than invented.
    return [{ tag: 'figure[data-type="figure"]', getAttrs: (element) => (element.getAttribute("data-media-id") ? null : false) }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const mediaId = String(node.attrs.mediaId ?? "");
    const caption = String(node.attrs.caption ?? "");
    const credit = creditLine(String(node.attrs.credit ?? ""));
    const img = [
      "img",
      {
        src: mediaUrl(mediaId, FALLBACK_WIDTH),
        srcset: mediaSrcSet(mediaId),
        sizes: SIZES,
        alt: String(node.attrs.alt ?? ""),
        width: node.attrs.width as number | null,
        height: node.attrs.height as number | null,
        loading: "lazy",
        decoding: "async",
      },
    ] as const;
    const attrs = mergeAttributes(this.options.HTMLAttributes, HTMLAttributes, {
      class: "figure",
      "data-type": "figure",
      "data-media-id": mediaId,
    });
    // AVIF is about a third smaller than WebP at the same quality; browsers without it take the WebP.
    const picture = ["picture", {}, ["source", { type: "image/avif", srcset: mediaSrcSet(mediaId, "avif"), sizes: SIZES }], img] as const;
    if (!caption && !credit) return ["figure", attrs, picture];
    const creditSpan = ["span", { class: "figure__credit" }, credit] as const;
    if (!credit) return ["figure", attrs, picture, ["figcaption", {}, caption]];
    if (!caption) return ["figure", attrs, picture, ["figcaption", {}, creditSpan]];
    return ["figure", attrs, picture, ["figcaption", {}, `${caption} `, creditSpan]];
  },

  addCommands() {
    return {
      setFigure:
        (attributes) =>
        ({ tr, dispatch }) => {
          if (dispatch) insertBlockAndContinue(tr, this.type.create({ ...attributes }));
          return true;
        },
    };
  },
});
