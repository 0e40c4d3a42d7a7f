import { Window } from "happy-dom";

/**
 * Test helper: what in a piece of HTML could run script, parsed as a browser would parse it
 * (happy-dom, scripts off). The suite asserts an empty list for every payload in every field, so
 * escaping is proven without leaning on the Content Security Policy. Chromium repeats the check on
 * the real parser in e2e/xss.spec.ts.
 */

/** Elements none of our renderers writes, each a way to run script or to load a document. */
const FORBIDDEN_ELEMENTS = new Set([
  "script",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "applet",
  "base",
  "form",
  "button",
  "input",
  "textarea",
  "svg",
  "math",
  "noscript",
  "template",
  "marquee",
]);

const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "lowsrc", "dynsrc", "srcset", "ping", "cite"]);

/** As browsers read a URL's scheme: tabs, newlines and leading controls or spaces do not count. */
function schemeOf(url: string): string {
  const cleaned = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, "");
  return /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase() ?? "";
}

const SCRIPTABLE_SCHEMES = new Set(["javascript", "vbscript", "data", "livescript"]);

function dangerousCss(css: string): boolean {
  return /expression\s*\(|javascript:|vbscript:|@import|behavior\s*:|-moz-binding/i.test(css);
}

export type HtmlInspection = {
  /** One line per finding, e.g. `<img onerror="alert(1)">`; empty when the HTML is inert. */
  problems: string[];
  /** The document's text (title and body) as a reader sees it, whitespace collapsed. */
  text: string;
};

/**
 * Parses HTML as a whole document, or as body content when `fragment` is set (the way a feed
 * reader puts a description into its page).
 */
export function inspectHtml(html: string, options: { fragment?: boolean } = {}): HtmlInspection {
  const window = new Window();
  try {
    const document = window.document;
    if (options.fragment) document.body.innerHTML = html;
    else document.write(html);
    const problems: string[] = [];
    for (const element of Array.from(document.querySelectorAll("*"))) {
      const tag = element.localName.toLowerCase();
      if (FORBIDDEN_ELEMENTS.has(tag)) problems.push(`<${tag}> element`);
      if (tag === "meta" && /refresh|set-cookie/i.test(element.getAttribute("http-equiv") ?? "")) problems.push(`<meta http-equiv="${element.getAttribute("http-equiv")}">`);
      if (tag === "link" && !/^(stylesheet|preload|icon)$/i.test(element.getAttribute("rel") ?? "")) problems.push(`<link rel="${element.getAttribute("rel")}">`);
      if (tag === "style" && dangerousCss(element.textContent ?? "")) problems.push(`<style> with ${element.textContent}`);
      for (const attribute of Array.from(element.attributes)) {
        const name = attribute.name.toLowerCase();
        const value = attribute.value ?? "";
        if (name.startsWith("on")) problems.push(`<${tag} ${name}="${value}">`);
        if (name === "srcdoc") problems.push(`<${tag} srcdoc>`);
        if (name === "style" && dangerousCss(value)) problems.push(`<${tag} style="${value}">`);
        if (URL_ATTRIBUTES.has(name) && SCRIPTABLE_SCHEMES.has(schemeOf(value))) problems.push(`<${tag} ${name}="${value}">`);
      }
    }
    const text = `${document.title} ${document.body?.textContent ?? ""}`;
    return { problems, text: collapse(text) };
  } finally {
    void window.happyDOM.close();
  }
}

function collapse(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\s\u2028\u2029]+/g, " ")
    .trim();
}
