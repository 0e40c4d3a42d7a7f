import type { Extensions } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { InfoBox } from "./info-box";
import { Signature } from "./signature";

export { InfoBox } from "./info-box";
export { Signature } from "./signature";

/** Links may only point to the web, e-mail or a phone number: never javascript:, data: or file:. */
export const LINK_PROTOCOLS = ["http", "https", "mailto", "tel"] as const;

/**
 * The extensions that define what a stored document may contain. The editor, the server-side
 * validator and the renderers all use this one list, so they cannot drift apart.
 */
export const contentExtensions: Extensions = [
  StarterKit.configure({
    heading: { levels: [2, 3, 4] },
    code: false,
    codeBlock: false,
    strike: false,
    underline: false,
    link: {
      openOnClick: false,
      autolink: true,
      protocols: [...LINK_PROTOCOLS],
      defaultProtocol: "https",
      // Readers stay in the same tab; a new tab surprises screen-reader and keyboard users.
      HTMLAttributes: { target: null, rel: null, class: null },
      isAllowedUri: (url, ctx) => isAllowedHref(url) && ctx.defaultValidate(url),
    },
  }),
  InfoBox,
  Signature,
];

/** True for http(s), mailto, tel and site-relative links. */
export function isAllowedHref(href: string): boolean {
  const trimmed = href.trim();
  if (trimmed.startsWith("/") && !trimmed.startsWith("//")) return true;
  if (trimmed.startsWith("#")) return true;
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed);
  if (!match) return false;
  return (LINK_PROTOCOLS as readonly string[]).includes(match[1]!.toLowerCase());
}
