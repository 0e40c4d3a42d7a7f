/**
 * Classic cross-site scripting payloads for the hardening suite (issue 12). Every payload carries a
 * number of its own and, if it ever runs, calls alert/confirm/prompt with that number or sets
 * `window.__xss` to it, so a dialog listener or a look at the window names the payload that got
 * through. The list is plain data: Vitest renders it through our renderers, Playwright types it into
 * the editor and the public forms.
 */

import type { JSONContent } from "@tiptap/core";
import { bold, doc, figure, h, infoBox, italic, link, ol, p, qa, quote, signature, table, ul } from "../content/build";

export type XssCategory = "script" | "event-handler" | "url" | "svg-math-mxss" | "attribute-breakout" | "element-breakout" | "template" | "crlf" | "unicode" | "css" | "encoded";

export type XssPayload = {
  /** Unique; what the payload passes to alert() or sets `window.__xss` to when it runs. */
  marker: number;
  category: XssCategory;
  payload: string;
};

/** The global a payload sets instead of opening a dialog. */
export const XSS_GLOBAL = "__xss";

const x = (marker: number, category: XssCategory, payload: string): XssPayload => ({ marker, category, payload });

export const XSS_PAYLOADS: readonly XssPayload[] = [
  // Script elements
  x(101, "script", "<script>alert(101)</script>"),
  x(102, "script", "<ScRiPt>alert(102)</sCrIpT>"),
  x(103, "script", "<script src=data:text/javascript,alert(103)></script>"),
  x(104, "script", "<script>window.__xss=104</script>"),
  x(105, "script", "<scr<script>ipt>alert(105)</scr</script>ipt>"),
  x(106, "script", "<script type=module>alert(106)</script>"),
  // Event handlers
  x(111, "event-handler", "<img src=x onerror=alert(111)>"),
  x(112, "event-handler", "<IMG SRC=x OnErRoR=alert(112)>"),
  x(113, "event-handler", "<svg onload=alert(113)>"),
  x(114, "event-handler", "<svg/onload=alert(114)>"),
  x(115, "event-handler", "<body onload=alert(115)>"),
  x(116, "event-handler", "<details open ontoggle=alert(116)>"),
  x(117, "event-handler", "<input autofocus onfocus=alert(117)>"),
  x(118, "event-handler", "<video><source onerror=alert(118)></video>"),
  x(119, "event-handler", "<marquee onstart=alert(119)>x</marquee>"),
  x(120, "event-handler", "<img src=x onerror=&#97;&#108;&#101;&#114;&#116;(120)>"),
  x(121, "event-handler", "<img src=x onerror=\\u0061lert(121)>"),
  x(122, "event-handler", '<img src="x:alert(122)" onerror="eval(src.slice(2))">'),
  x(123, "event-handler", "<a href=# onclick=alert(123)>klicka</a>"),
  x(124, "event-handler", '<img """><script>alert(124)</script>">'),
  x(125, "event-handler", '<iframe srcdoc="<script>parent.alert(125)</script>"></iframe>'),
  // URLs: as link targets in a body, and as text everywhere else
  x(131, "url", "javascript:alert(131)"),
  x(132, "url", "JaVaScRiPt:alert(132)"),
  x(133, "url", "java\tscript:alert(133)"),
  x(134, "url", "jav&#x61;script:alert(134)"),
  x(135, "url", "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(135)"),
  x(136, "url", "javascript&colon;alert(136)"),
  x(137, "url", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxMzcpPC9zY3JpcHQ+"),
  x(138, "url", "data:text/html,<script>alert(138)</script>"),
  x(139, "url", "vbscript:msgbox(139)"),
  x(140, "url", "javascript://%0aalert(140)"),
  x(141, "url", "\x01javascript:alert(141)"),
  x(142, "url", '<a href="javascript:alert(142)">länk</a>'),
  x(143, "url", "<iframe src=javascript:alert(143)></iframe>"),
  x(144, "url", "<form><button formaction=javascript:alert(144)>skicka</button></form>"),
  x(145, "url", '<object data="javascript:alert(145)"></object>'),
  x(146, "url", '<embed src="data:text/html,<script>alert(146)</script>">'),
  x(147, "url", '<base href="javascript:alert(147)//">'),
  x(148, "url", '<meta http-equiv="refresh" content="0;url=javascript:alert(148)">'),
  // SVG, MathML and mutation XSS (markup a sanitiser reads one way and the browser another)
  x(151, "svg-math-mxss", "<svg><script>alert&#40;151&#41;</script></svg>"),
  x(152, "svg-math-mxss", '<svg><a xlink:href="javascript:alert(152)"><text x="20" y="20">svg</text></a></svg>'),
  x(153, "svg-math-mxss", "<svg><animate onbegin=alert(153) attributeName=x dur=1s>"),
  x(154, "svg-math-mxss", '<math><maction actiontype="statusline" xlink:href="javascript:alert(154)">m</maction></math>'),
  x(155, "svg-math-mxss", '<svg></p><style><a id="</style><img src=1 onerror=alert(155)>">'),
  x(156, "svg-math-mxss", "<math><mtext><table><mglyph><style><img src=x onerror=alert(156)>"),
  x(157, "svg-math-mxss", '<noscript><p title="</noscript><img src=x onerror=alert(157)>">'),
  x(158, "svg-math-mxss", "<svg><style>{font-family:'<img/src=x onerror=alert(158)>'}</style></svg>"),
  // Breaking out of an attribute value
  x(161, "attribute-breakout", '" onmouseover="alert(161)" x="'),
  x(162, "attribute-breakout", "' onfocus='alert(162)' autofocus x='"),
  x(163, "attribute-breakout", '"><script>alert(163)</script>'),
  x(164, "attribute-breakout", "'><img src=x onerror=alert(164)>"),
  x(165, "attribute-breakout", '";alert(165);//'),
  x(166, "attribute-breakout", "'-alert(166)-'"),
  // Breaking out of the element or block the value is written into
  x(171, "element-breakout", "</script><script>alert(171)</script>"),
  x(172, "element-breakout", "</title><script>alert(172)</script>"),
  x(173, "element-breakout", "</textarea><script>alert(173)</script>"),
  x(174, "element-breakout", "</style><script>alert(174)</script>"),
  x(175, "element-breakout", "--><script>alert(175)</script><!--"),
  x(176, "element-breakout", "]]><script>alert(176)</script>"),
  x(177, "element-breakout", "]]>a]]><img src=x onerror=alert(177)><![CDATA["),
  x(178, "element-breakout", '{"a":"</script><script>window.__xss=178</script>"}'),
  // Template injection
  x(181, "template", "{{constructor.constructor('alert(181)')()}}"),
  x(182, "template", "${alert(182)}"),
  x(183, "template", "#{alert(183)}<%= alert(183) %>"),
  x(184, "template", "{{$on.constructor('window.__xss=184')()}}"),
  // Line breaks: header, iCalendar property and HTTP response splitting
  x(191, "crlf", "Rad\r\nContent-Type: text/html\r\n\r\n<script>alert(191)</script>"),
  x(192, "crlf", "Möte\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:<script>alert(192)</script>"),
  x(193, "crlf", "%0d%0aSet-Cookie:xss=193%0d%0a<script>alert(193)</script>"),
  // Unicode tricks
  x(201, "unicode", "＜script＞alert(201)＜/script＞"),
  x(202, "unicode", "<scr\u200bipt>alert(202)</scr\u200bipt>"),
  x(203, "unicode", "\u2028</script><script>alert(203)</script>"),
  x(204, "unicode", "\u202e<img src=x onerror=alert(204)>"),
  x(205, "unicode", "<img src=x onerror=alert(205)\u00a0>"),
  // CSS
  x(211, "css", '<div style="width:expression(alert(211))">css</div>'),
  x(212, "css", "<style>@import'javascript:alert(212)';</style>"),
  x(213, "css", '<div style="background:url(javascript:alert(213))">css</div>'),
  x(214, "css", "</style><img src=x onerror=alert(214)>"),
  // Already encoded: must come out exactly as typed, never decoded once more
  x(221, "encoded", "&lt;script&gt;alert(221)&lt;/script&gt;"),
  x(222, "encoded", "%3Cscript%3Ealert(222)%3C/script%3E"),
  x(223, "encoded", "\\x3cscript\\x3ealert(223)\\x3c/script\\x3e"),
];

/** Whitespace as readers see it: runs collapse, line breaks of any kind are one space. */
export function normalizeSpace(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\s\u2028\u2029]+/g, " ")
    .trim();
}

/** A payload that fits a one-line field (a title, an <input>): no line breaks or control characters. */
export function isOneLine(payload: XssPayload): boolean {
  return !/[\u0000-\u001f\u007f\u2028\u2029]/.test(payload.payload);
}

/** The payloads whose URL form a link dialog or a stored href could be given. */
export function urlPayloads(): XssPayload[] {
  return XSS_PAYLOADS.filter((p) => p.category === "url" && !p.payload.startsWith("<"));
}

/** Which marker a dialog message or `window.__xss` value belongs to, or null if none of ours. */
export function markerIn(value: unknown): number | null {
  const found = String(value ?? "").match(/\d{3}/);
  const marker = found ? Number(found[0]) : NaN;
  return XSS_PAYLOADS.some((p) => p.marker === marker) ? marker : null;
}

const PAYLOAD_FIGURE_ID = "0f8fad5b-d9cb-469f-a165-70867728950e";

/**
 * A stored document with one payload in every place a document can hold text or a link: headings,
 * marks, a link's target and text, lists, a quote, a table, a fact box's title and content, Q&A, an
 * image's alt, caption and credit, a signature's name and title. `textPlaces` counts where it is
 * shown as text (all but the link target and the alt).
 */
export function documentCarrying(payload: string): { body: JSONContent; textPlaces: number } {
  const body = doc(
    h(2, payload),
    h(3, payload),
    p(payload, " ", bold(payload), " ", italic(payload)),
    p(link(payload, payload)),
    ul([payload]),
    ol([payload]),
    quote(p(payload)),
    table([[payload], [payload]]),
    infoBox(payload, p(payload)),
    qa([payload, payload]),
    figure({ mediaId: PAYLOAD_FIGURE_ID, alt: payload, caption: payload, credit: payload }),
    signature(payload, payload),
  );
  return { body, textPlaces: 19 };
}
