import { expect, test, type Browser, type Page } from "@playwright/test";
import ICAL from "ical.js";
import Parser from "rss-parser";
import sharp from "sharp";
import { isOneLine, markerIn, normalizeSpace, urlPayloads, XSS_GLOBAL, XSS_PAYLOADS, type XssPayload } from "../lib/security/xss-corpus";
import { storageStatePath } from "./demo-users";
import { EditorPage } from "./pages/editor-page";

// Issue 12: the XSS corpus (lib/security/xss-corpus.ts) written through the real editor by a
// skribent, published by the utgivare, and read back on every public page, in the feeds and in the
// mailed edition with dialog, console and window-marker listeners on. Escaping is proven, not only
// the Content Security Policy: each page must also show every payload as text and hold no element
// or attribute a payload could have brought. Reflected input (search, the subscribe form, one-time
// links) is covered payload by payload.

const workflow = (page: Page) => page.getByRole("region", { name: /^Status:/ });
const byMarker = (marker: number) => XSS_PAYLOADS.find((p) => p.marker === marker)!.payload;
const ONE_LINE = XSS_PAYLOADS.filter(isOneLine);

/** Payloads joined by spaces while they fit `max` characters (a title holds 200, a lead 1 000). */
function pack(payloads: readonly XssPayload[], max: number): { text: string; used: XssPayload[] } {
  const used: XssPayload[] = [];
  for (const payload of payloads) if ([...used, payload].map((p) => p.payload).join(" ").length <= max) used.push(payload);
  return { text: used.map((p) => p.payload).join(" "), used };
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const TITLE_A = pack(
  [171, 172, 111, 163].map((m) => XSS_PAYLOADS.find((p) => p.marker === m)!),
  200,
);
const TITLE_B = pack(
  [173, 174, 113, 175, 205].map((m) => XSS_PAYLOADS.find((p) => p.marker === m)!),
  200,
);
const LEAD_A = pack(ONE_LINE, 1000);
const LEAD_B = pack(
  ONE_LINE.filter((p) => !LEAD_A.used.includes(p)),
  1000,
);
/** Tags hold no comma and at most 40 characters; they are stored in lower case. */
const TAGS = [114, 111, 131, 182, 166].map(byMarker);
const FACT_BOX = { title: byMarker(161), content: byMarker(162) };
const QA = { question: byMarker(164), answer: byMarker(165) };
const SIGNATURE = { name: byMarker(157), title: byMarker(178) };
const IMAGE = { alt: byMarker(122), caption: byMarker(152), credit: byMarker(158) };
const GUEST = { name: byMarker(155), title: byMarker(156) };

/** The body as a resident copies it from another page: every payload as a paragraph, and each block type once. */
function pastedBody(): string {
  const e = (marker: number) => escapeHtml(byMarker(marker));
  return [
    `<h2>${e(101)}</h2>`,
    `<h3>${e(151)}</h3>`,
    ...XSS_PAYLOADS.map((p) => `<p>${escapeHtml(p.payload)}</p>`),
    `<ul><li>${e(116)}</li><li>${e(117)}</li></ul>`,
    `<ol><li>${e(118)}</li></ol>`,
    `<blockquote><p>${e(119)}</p></blockquote>`,
    `<table><tr><th>${e(153)}</th><th>${e(154)}</th></tr><tr><td>${e(211)}</td><td>${e(212)}</td></tr></table>`,
    // Links whose targets are payloads: the sanitizer and the link mark must drop every one of them.
    ...urlPayloads().map((p) => `<p><a href="${escapeHtml(p.payload)}">Läs om kalas ${p.marker}</a></p>`),
    `<p>${e(221)}</p>`,
  ].join("");
}

// ---------------------------------------------------------------------------------------------
// Listeners and checks
// ---------------------------------------------------------------------------------------------

/** What shows that a payload ran or was stopped only by the browser: React's javascript: block, an inline handler refused by the CSP. */
const ALARM = /xss-marker|React has blocked a javascript: URL|inline event handler|javascript: URL|\balert\(\d{3}\)/i;

/**
 * Listens for every sign of a payload running on `page`: a dialog (alert, confirm, prompt), a
 * console message or page error naming a marker, and `window.__xss` being set. Returns the list
 * the signs are written to. The product asks its own questions in page dialogs, so any browser
 * dialog is a payload's.
 */
async function guard(page: Page): Promise<string[]> {
  const fired: string[] = [];
  page.on("dialog", (dialog) => {
    fired.push(`payload ${markerIn(dialog.message()) ?? "?"} ran: ${dialog.type()}(${dialog.message()}) on ${page.url()}`);
    void dialog.dismiss();
  });
  page.on("console", (message) => {
    if (ALARM.test(message.text())) fired.push(`console: ${message.text()} on ${page.url()}`);
  });
  page.on("pageerror", (error) => {
    if (ALARM.test(error.message)) fired.push(`page error: ${error.message} on ${page.url()}`);
  });
  await page.addInitScript((name) => {
    Object.defineProperty(window, name, { configurable: false, get: () => undefined, set: (value) => console.error(`xss-marker ${String(value)}`) });
  }, XSS_GLOBAL);
  return fired;
}

/**
 * Elements and attributes no page of ours has and a payload would bring: handlers, script URLs,
 * frames, plugins, <base>, a refresh, and any script carrying a payload's code (Next's own scripts
 * carry the page's data, payloads included, as JSON inside self.__next_f.push). The staff pages'
 * icons are SVG: an injected <svg> or <math> is caught by its handler or link instead.
 */
async function injected(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    // React's own action on a form that posts to a server action: it throws, and is no payload.
    const reactFormAction = /^javascript:throw new Error\('A React form was unexpectedly submitted/;
    const scriptable = (value: string) => !reactFormAction.test(value) && /^(javascript|vbscript|data|livescript):/i.test(value.replace(/[\u0000-\u0020\u007f-\u009f]/g, ""));
    const urlAttributes = new Set(["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcset"]);
    for (const element of Array.from(document.querySelectorAll("*"))) {
      const tag = element.localName;
      if (["iframe", "frame", "object", "embed", "applet", "base", "marquee", "noscript"].includes(tag)) found.push(`<${tag}>`);
      if (tag === "meta" && /refresh/i.test(element.getAttribute("http-equiv") ?? "")) found.push("<meta http-equiv=refresh>");
      if (tag === "script") {
        const code = element.textContent ?? "";
        const src = element.getAttribute("src");
        if (src !== null && !src.startsWith("/_next/")) found.push(`<script src="${src}">`);
        if (/alert|__xss|msgbox|confirm|prompt/.test(code) && !/^\s*\(?self\.__next_f/.test(code)) found.push(`<script>${code.slice(0, 80)}`);
      }
      for (const attribute of Array.from(element.attributes)) {
        const name = attribute.name.toLowerCase();
        if (name.startsWith("on")) found.push(`<${tag} ${name}="${attribute.value}">`);
        if (name === "srcdoc") found.push(`<${tag} srcdoc>`);
        if (urlAttributes.has(name) && scriptable(attribute.value)) found.push(`<${tag} ${name}="${attribute.value}">`);
      }
    }
    return found;
  });
}

/** The page ran nothing, holds nothing injected, and shows each of `shown` as text in `scope`. */
async function expectInert(page: Page, fired: string[], shown: readonly string[] = [], scope = "body") {
  // An <img src=x onerror> fails to load a moment after parsing: give it that moment.
  await page.waitForLoadState("load");
  await page.waitForTimeout(150);
  expect(await injected(page), page.url()).toEqual([]);
  const text = normalizeSpace((await page.locator(scope).first().textContent()) ?? "");
  expect(
    shown.filter((payload) => !text.includes(normalizeSpace(payload))),
    `not shown as text on ${page.url()}`,
  ).toEqual([]);
  expect(fired).toEqual([]);
}

async function photo() {
  return sharp({ create: { width: 800, height: 600, channels: 3, background: "#7d3a5c" } })
    .jpeg()
    .toBuffer();
}

/** Pastes HTML into the editor as a browser does from the clipboard (the editor's sanitizer sees it). */
async function paste(page: Page, html: string) {
  await page.locator(".ProseMirror").evaluate((element, content) => {
    const data = new DataTransfer();
    data.setData("text/html", content);
    data.setData("text/plain", content.replace(/<[^>]+>/g, " "));
    element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
}

async function publish(browser: Browser, editorUrl: string) {
  const context = await browser.newContext({ storageState: storageStatePath("utgivare") });
  const page = await context.newPage();
  const fired = await guard(page);
  await page.goto(`${editorUrl}/granska`);
  await workflow(page).getByRole("button", { name: "Godkänn" }).click();
  await expect(workflow(page).getByRole("heading")).toHaveText("Status: Godkänd");
  await workflow(page).getByRole("button", { name: "Publicera" }).click();
  await page.getByRole("dialog", { name: "Publicera texten nu?" }).getByRole("button", { name: "Publicera nu" }).click();
  await expect(workflow(page).getByRole("heading")).toHaveText("Status: Publicerad");
  // The review page shows the text as readers will: it is a page like theirs.
  await expectInert(page, fired);
  await context.close();
}

// ---------------------------------------------------------------------------------------------
// Stored: two posts carrying the corpus, written, reviewed and published through the UI
// ---------------------------------------------------------------------------------------------

test.describe.serial("stored payloads", () => {
  /** Each post's editor address and public path, once published. */
  const posts = { a: "", b: "", pathA: "", pathB: "" };

  test("@skribent writes two posts full of payloads and the utgivare publishes them", async ({ browser }) => {
    test.setTimeout(240_000);
    const context = await browser.newContext({ storageState: storageStatePath("skribent") });
    const editor = new EditorPage(await context.newPage());
    const { page } = editor;
    const fired = await guard(page);

    // Post A: title, lead, tags, every block type by paste, a fact box, Q&A, a signature and an image.
    await editor.createPost(TITLE_A.text);
    await page.getByLabel("Ingress").fill(LEAD_A.text);
    await page.getByLabel("Taggar").fill(TAGS.join(", "));
    await editor.focusBody();
    await paste(page, pastedBody());
    await expect(editor.body.locator("table")).toHaveCount(1);
    // No pasted link kept its target: every one was a script, data or entity-obfuscated URL.
    await expect(editor.body.locator("a[href]")).toHaveCount(0);

    // The link dialog refuses a javascript: address outright.
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Enter");
    await page.keyboard.insertText("Länk till kalaset");
    await page.keyboard.press("Shift+Home");
    await editor.tool("Länk").click();
    const linkDialog = page.getByRole("dialog", { name: "Länk" });
    await linkDialog.getByLabel("Länkadress").fill(byMarker(131));
    await linkDialog.getByRole("button", { name: "Spara länken" }).click();
    await expect(linkDialog).toContainText("Länken måste börja med https://, http://, mailto: eller tel:.");
    await linkDialog.getByLabel("Länkadress").fill("https://exempelby.example/kalas");
    await linkDialog.getByRole("button", { name: "Spara länken" }).click();
    await expect(linkDialog).toBeHidden();

    await page.keyboard.press("Control+End");
    await page.keyboard.press("Enter");
    await page.keyboard.insertText(FACT_BOX.content);
    await editor.tool("Faktaruta").click();
    const boxDialog = page.getByRole("dialog", { name: "Faktaruta" });
    // By name: the field's id is the dialog heading's too ("…-title"), so its label points at the heading.
    await boxDialog.locator('input[name="title"]').fill(FACT_BOX.title);
    await boxDialog.getByRole("button", { name: "Infoga faktaruta" }).click();
    await expect(editor.body.locator(".info-box")).toHaveCount(1);

    await page.keyboard.press("Control+End");
    await editor.tool("Fråga och svar").click();
    await page.keyboard.insertText(QA.question);
    await page.keyboard.press("Enter");
    await page.keyboard.insertText(QA.answer);

    await page.keyboard.press("Control+End");
    await editor.tool("Signatur").click();
    const signatureDialog = page.getByRole("dialog", { name: "Signatur" });
    await signatureDialog.getByLabel("Namn").fill(SIGNATURE.name);
    await signatureDialog.locator('input[name="title"]').fill(SIGNATURE.title);
    await signatureDialog.getByRole("button", { name: "Infoga signatur" }).click();

    await page.keyboard.press("Control+End");
    await editor.tool("Bild").click();
    const imageDialog = page.getByRole("dialog", { name: "Bild" });
    await imageDialog.getByLabel("Bildfil").setInputFiles({ name: "kalas.jpg", mimeType: "image/jpeg", buffer: await photo() });
    await imageDialog.getByLabel("Alternativtext").fill(IMAGE.alt);
    await imageDialog.getByLabel("Bildtext").fill(IMAGE.caption);
    await imageDialog.getByLabel("Fotograf").fill(IMAGE.credit);
    await imageDialog.getByRole("button", { name: "Ladda upp och infoga" }).click();
    await expect(imageDialog).toBeHidden({ timeout: 20_000 });
    await expect(editor.body.locator("figure img")).toHaveAttribute("alt", IMAGE.alt);

    await editor.expectSaved();
    posts.a = page.url();
    await workflow(page).getByRole("button", { name: "Skicka för granskning" }).click();
    await expect(workflow(page).getByRole("heading")).toHaveText("Status: Granskas");
    // The staff pages ran nothing either: the editor holds every payload.
    await expectInert(page, fired);

    // Post B: title, lead, a guest writer in the byline (a post without a signature shows it) and the image as cover.
    await editor.createPost(TITLE_B.text);
    await page.getByLabel("Ingress").fill(LEAD_B.text);
    const authors = page.getByRole("region", { name: "Författare" });
    await authors.getByLabel("Lägg till författare").selectOption({ label: "Någon utan konto …" });
    await authors.getByLabel("Namn").fill(GUEST.name);
    await authors.getByLabel("Titel").fill(GUEST.title);
    await authors.getByRole("button", { name: "Lägg till" }).click();
    await expect(authors.getByRole("listitem")).toHaveCount(2);
    await page.getByRole("button", { name: "Välj omslagsbild" }).click();
    await page.getByRole("dialog", { name: "Omslagsbild" }).getByRole("button", { name: IMAGE.alt }).first().click();
    await editor.focusBody();
    await page.keyboard.insertText(byMarker(104));
    await editor.expectSaved();
    posts.b = page.url();
    await workflow(page).getByRole("button", { name: "Skicka för granskning" }).click();
    await expect(workflow(page).getByRole("heading")).toHaveText("Status: Granskas");
    await expectInert(page, fired);
    await context.close();

    await publish(browser, posts.a);
    await publish(browser, posts.b);
    posts.pathA = await publicPath(browser, posts.a);
    posts.pathB = await publicPath(browser, posts.b);
  });

  /** The public address of a post, from the editor's Adress field. */
  async function publicPath(browser: Browser, editorUrl: string): Promise<string> {
    const context = await browser.newContext({ storageState: storageStatePath("utgivare") });
    const page = await context.newPage();
    await page.goto(editorUrl);
    const slug = await page.getByRole("textbox", { name: "Adress", exact: true }).inputValue();
    await context.close();
    return `/blogg/kommunchefen/${slug}`;
  }

  test("no public page runs a payload, and each shows its payloads as text", async ({ browser }) => {
    test.setTimeout(120_000);
    const { pathA, pathB } = posts;
    const page = await browser.newPage();
    const fired = await guard(page);

    const bodyA = [
      ...XSS_PAYLOADS.map((p) => p.payload),
      TITLE_A.text,
      LEAD_A.text,
      FACT_BOX.title,
      QA.question,
      QA.answer,
      SIGNATURE.name,
      SIGNATURE.title,
      IMAGE.caption,
      IMAGE.credit,
    ];
    await page.goto(pathA);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE_A.text);
    await expectInert(page, fired, [...bodyA, ...TAGS.map((tag) => tag.toLowerCase())], "main");
    await expect(page.locator("main figure img").first()).toHaveAttribute("alt", IMAGE.alt);
    // javascript: hrefs did not survive: the only link in the body is the one to https.
    expect(await page.locator(".rich-text a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href")))).toEqual(["https://exempelby.example/kalas"]);

    await page.goto(pathB);
    await expectInert(page, fired, [TITLE_B.text, LEAD_B.text, GUEST.name, GUEST.title, byMarker(104), IMAGE.caption, IMAGE.credit], "main");
    await expect(page.locator("main img").first()).toHaveAttribute("alt", IMAGE.alt);

    for (const path of ["/", "/blogg/kommunchefen"]) {
      await page.goto(path);
      await expectInert(page, fired, [TITLE_A.text, TITLE_B.text], "main");
    }
    for (const tag of TAGS) {
      await page.goto(`/amne/${encodeURIComponent(tag.toLowerCase())}`);
      await expectInert(page, fired, [tag.toLowerCase(), TITLE_A.text], "main");
    }
    await page.goto("/skribent/sara-lind");
    await expectInert(page, fired, [TITLE_A.text, TITLE_B.text], "main");
    // The search finds the posts by a word of their text, and shows their titles and snippets as text.
    await page.goto(`/sok?q=${encodeURIComponent("kalas")}`);
    await expectInert(page, fired, [TITLE_A.text], "main");
    for (const path of ["/kalender", "/nyhetsbrev", "/tillganglighet"]) {
      await page.goto(path);
      await expectInert(page, fired);
    }
  });

  test("the feeds and the calendar, shown as a feed reader shows them, run nothing", async ({ page, request }) => {
    const fired = await guard(page);
    const parser = new Parser();
    const fields: string[] = [];
    for (const path of ["/feed.xml", "/blogg/kommunchefen/feed.xml"]) {
      const feed = await parser.parseString(await (await request.get(path)).text());
      const ours = feed.items.filter((item) => [posts.pathA, posts.pathB].some((path) => item.link?.endsWith(path)));
      expect(ours.map((item) => normalizeSpace(item.contentSnippet ?? "")).sort()).toEqual([LEAD_A.text, LEAD_B.text].map(normalizeSpace).sort());
      for (const item of feed.items) fields.push(item.title ?? "", item.content ?? "", item["content:encoded"] ?? "", item.creator ?? "", ...(item.categories ?? []).map(String));
      fields.push(feed.title ?? "", feed.description ?? "");
    }
    const calendar = new ICAL.Component(ICAL.parse(await (await request.get("/kalender.ics")).text()));
    for (const event of calendar.getAllSubcomponents("vevent")) {
      for (const name of ["summary", "location", "description"]) fields.push(String(event.getFirstPropertyValue(name) ?? ""));
      expect(String(event.getFirstPropertyValue("url"))).toMatch(/^https?:\/\//);
    }
    // A careless reader puts each field into its page as HTML.
    await page.goto("/");
    await page.evaluate((htmls) => {
      document.body.replaceChildren(
        ...htmls.map((html) => {
          const div = document.createElement("div");
          div.innerHTML = html;
          return div;
        }),
      );
    }, fields);
    await expectInert(page, fired, [TITLE_A.text, TITLE_B.text, LEAD_A.text, LEAD_B.text, GUEST.name, ...XSS_PAYLOADS.filter(isOneLine).map((p) => p.payload)]);
  });

  test("the mailed edition of a post, opened in a browser, runs nothing", async ({ browser }) => {
    test.setTimeout(90_000);
    const context = await browser.newContext({ storageState: storageStatePath("utgivare") });
    const staff = await context.newPage();
    const staffFired = await guard(staff);
    // The outbox's own view puts the HTML in a sandboxed frame; here it goes into a page of its own.
    let html = "";
    await expect(async () => {
      await staff.goto("/redaktion/utkorg");
      const row = staff.getByRole("row").filter({ hasText: "anna.andersson@exempelby.test" }).filter({ hasText: "alert(171)" }).first();
      await row.getByRole("link").first().click({ timeout: 1_000 });
      html = (await staff.locator('iframe[title="Meddelandet som HTML"]').getAttribute("srcdoc", { timeout: 5_000 })) ?? "";
      expect(html).toContain("alert(171)");
    }).toPass({ timeout: 60_000, intervals: [1_000, 2_000, 3_000] });
    // The outbox lists the subject, and its message page the text part: neither ran anything.
    expect(staffFired).toEqual([]);
    const mail = await browser.newPage();
    const fired = await guard(mail);
    await mail.setContent(html, { waitUntil: "load" });
    await expectInert(
      mail,
      fired,
      XSS_PAYLOADS.map((p) => p.payload),
    );
    await context.close();
  });
});

// ---------------------------------------------------------------------------------------------
// Reflected: what a resident types, or a link carries, shown back
// ---------------------------------------------------------------------------------------------

test("the search page shows every payload query as text and runs none", async ({ page }) => {
  test.setTimeout(600_000);
  const fired = await guard(page);
  for (const { payload } of XSS_PAYLOADS) {
    await page.goto(`/sok?q=${encodeURIComponent(payload)}`);
    // The query is shown in the search box (and the title); control characters become spaces.
    await expect(page.locator("#sok-q")).toHaveValue(payload.replace(/[\u0000-\u001f]/g, " ").trim());
    await expectInert(page, fired);
    expect(normalizeSpace(await page.title())).toContain(normalizeSpace(payload.replace(/[\u0000-\u001f]/g, " ")));
  }
});

test("the subscribe form echoes a payload address after the error, as text", async ({ page }) => {
  test.setTimeout(600_000);
  const fired = await guard(page);
  for (const { payload } of ONE_LINE) {
    await page.goto("/prenumerera");
    const form = page.getByRole("main");
    await form.getByLabel("E-post", { exact: true }).fill(payload);
    await form.getByRole("button", { name: "Prenumerera", exact: true }).click();
    await expect(page.locator("#prenumerera-fel")).toBeVisible();
    await expect(form.getByLabel("E-post", { exact: true })).toHaveValue(payload.trim());
    await expectInert(page, fired);
  }
});

test("the one-time link pages take a payload token as a broken link", async ({ browser }) => {
  test.setTimeout(600_000);
  const page = await browser.newPage();
  const fired = await guard(page);
  const staff = await (await browser.newContext({ storageState: storageStatePath("utgivare") })).newPage();
  const staffFired = await guard(staff);
  for (const { payload } of XSS_PAYLOADS) {
    const token = encodeURIComponent(payload);
    // The unsubscribe link's GET redirects to its page (/val): one visit covers both.
    for (const path of [`/prenumerera/bekrafta/${token}`, `/prenumerera/avsluta/${token}`]) {
      await page.goto(path);
      await expectInert(page, fired);
    }
    await staff.goto(`/redaktion/granska/lank/${token}`);
    await expectInert(staff, staffFired);
  }
});

test("a payload in the address of a page that does not exist is not shown back", async ({ page }) => {
  test.setTimeout(600_000);
  const fired = await guard(page);
  for (const { payload } of XSS_PAYLOADS.filter((p) => ["script", "event-handler", "element-breakout"].includes(p.category))) {
    const segment = encodeURIComponent(payload);
    for (const path of [`/amne/${segment}`, `/skribent/${segment}`, `/blogg/${segment}`]) {
      await page.goto(path);
      await expectInert(page, fired);
    }
  }
});
