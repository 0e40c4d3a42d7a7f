// @vitest-environment happy-dom
import { generateJSON, type JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { bold, doc, figure, h, infoBox, italic, link, p, qa, table, ul } from "./build";
import { contentExtensions } from "./extensions";
import { sanitizePastedHtml } from "./paste";
import { renderDocument } from "./render";
import { normalizeDocument, validateDocument } from "./validate";

/** What the editor makes of a paste: the sanitized HTML parsed with the content schema. */
function pasted(html: string): JSONContent {
  const json: JSONContent = generateJSON(sanitizePastedHtml(html), contentExtensions);
  const result = validateDocument(json);
  if (!result.ok) throw new Error(result.message);
  return json;
}

function canonical(content: ReturnType<typeof doc>) {
  const result = validateDocument(content);
  if (!result.ok) throw new Error(result.message);
  return normalizeDocument(result.doc);
}

const WORD = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta name=Generator content="Microsoft Word 15"><style><!-- p.MsoNormal {mso-style-parent:""; margin:0cm; font-family:"Calibri",sans-serif;} --></style>
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]--></head>
<body lang=SV style='tab-interval:65.2pt'><!--StartFragment-->
<h1><a name="_Toc1"></a><span style='mso-fareast-font-family:"Times New Roman"'>Ny förskola i Exempelby<o:p></o:p></span></h1>
<p class=MsoNormal><b><span style='font-size:12.0pt'>Byggstart</span></b><span style='font-size:12.0pt'> i <i>maj</i>.<o:p></o:p></span></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol;mso-fareast-font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>Sex avdelningar<o:p></o:p></p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:72.0pt;mso-add-space:auto;text-indent:-18.0pt;mso-list:l0 level2 lfo1'><![if !supportLists]><span style='font-family:"Courier New"'><span style='mso-list:Ignore'>o<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]>varav två för de yngsta<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp; </span></span></span><![endif]>Egen tillagning<o:p></o:p></p>
<p class=MsoNormal>Så här gör du:</p>
<p class=MsoListParagraphCxSpFirst style='mso-list:l1 level1 lfo2'><![if !supportLists]><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp; </span></span><![endif]>Logga in<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='mso-list:l1 level1 lfo2'><![if !supportLists]><span style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp; </span></span><![endif]>Ansök<o:p></o:p></p>
<!--[if gte vml 1]><v:shape id="Bild_1" style='width:200pt'><v:imagedata src="file:///C:/Users/eva/AppData/Local/Temp/msohtmlclip1/01/clip_image001.png"/></v:shape><![endif]--><![if !vml]><img width=267 height=178 src="file:///C:/Users/eva/AppData/Local/Temp/msohtmlclip1/01/clip_image002.jpg" v:shapes="Bild_1"><![endif]>
<p class=MsoNormal>Läs mer på <a href="https://exempelby.se/forskola">exempelby.se/forskola</a>.<o:p></o:p></p>
<!--EndFragment--></body></html>`;

const GOOGLE_DOCS = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-4f6c2d1e-7fff-a1b2-c3d4-5e6f7a8b9c0d"><h1 dir="ltr" style="line-height:1.38;margin-top:20pt;margin-bottom:6pt;"><span style="font-size:20pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:400;font-style:normal;font-variant:normal;text-decoration:none;vertical-align:baseline;white-space:pre;white-space:pre-wrap;">Öppettider i sommar</span></h1><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;background-color:transparent;font-weight:700;font-style:normal;">Biblioteket</span><span style="font-size:11pt;font-family:Arial,sans-serif;font-weight:400;font-style:normal;"> har </span><span style="font-size:11pt;font-family:Arial,sans-serif;font-weight:400;font-style:italic;">kortare</span><span style="font-size:11pt;font-family:Arial,sans-serif;font-weight:700;font-style:italic;"> öppettider</span><span style="font-size:11pt;font-weight:400;">. Se </span><a href="https://exempelby.se/bibliotek" style="text-decoration:none;"><span style="font-size:11pt;color:#1155cc;font-weight:400;text-decoration:underline;">bibliotekets sida</span></a><span style="font-size:11pt;font-weight:400;">.</span></p><br><ul style="margin-top:0;margin-bottom:0;padding-inline-start:48px;"><li dir="ltr" style="list-style-type:disc;font-size:11pt;" aria-level="1"><p dir="ltr" style="line-height:1.38;" role="presentation"><span style="font-size:11pt;font-weight:400;">Måndag–torsdag 10–18</span></p></li><li dir="ltr" style="list-style-type:disc;font-size:11pt;" aria-level="1"><p dir="ltr" style="line-height:1.38;" role="presentation"><span style="font-size:11pt;font-weight:400;">Fredag 10–16</span></p></li></ul><br><div dir="ltr" style="margin-left:0pt;" align="left"><table style="border:none;border-collapse:collapse;"><colgroup><col width="200"><col width="200"></colgroup><tbody><tr style="height:0pt"><td style="border-left:solid #000000 1pt;vertical-align:top;padding:5pt 5pt 5pt 5pt;overflow:hidden;overflow-wrap:break-word;"><p dir="ltr" style="line-height:1.2;"><span style="font-size:11pt;font-weight:700;">Dag</span></p></td><td style="vertical-align:top;"><p dir="ltr"><span style="font-size:11pt;font-weight:700;">Tid</span></p></td></tr><tr><td><p dir="ltr"><span style="font-weight:400;">Lördag</span></p></td><td><p dir="ltr"><span style="font-weight:400;">Stängt</span></p></td></tr></tbody></table></div></b>`;

const WEB_PAGE = `<html><head><title>Nyheter – Exempelby kommun</title><link rel="stylesheet" href="/s.css"><script src="https://tracker.example/t.js"></script></head>
<body><header class="site-header"><nav aria-label="Huvudmeny"><ul><li><a href="/">Start</a></li><li><a href="/bo">Bo och leva</a></li></ul></nav></header>
<main id="main"><article class="news"><h2 class="news__title" id="rubrik">Vägarbete på Storgatan</h2>
<p class="lead" style="color:#333" data-track="lead">Från <strong>1 juni</strong> är Storgatan <em>avstängd</em>. <a href="/trafik" target="_blank" rel="noopener" class="link">Se omledning</a>.</p>
<figure><img src="/bilder/storgatan.jpg" alt="Storgatan" srcset="/b.jpg 2x"><figcaption>Storgatan i dag.</figcaption></figure>
<h5>Kontakt</h5><p>Ring <a href="tel:+4612345678">012-345 678</a> eller <a href="mailto:gata@exempelby.se">mejla</a>.</p>
<button type="button" onclick="share()">Dela</button><form action="/sok"><input name="q" value="sök"><select><option>Alla</option></select></form>
<img src="https://tracker.example/pixel.gif?u=123" width="1" height="1" style="display:none">
<iframe src="https://www.youtube.com/embed/abc"></iframe></article></main>
<footer><p>© Exempelby kommun</p></footer></body></html>`;

describe("sanitizePastedHtml", () => {
  it("turns a Word document into headings, emphasis and real nested lists", () => {
    expect(sanitizePastedHtml(WORD)).toBe(
      "<h2>Ny förskola i Exempelby</h2>\n" +
        "<p><strong>Byggstart</strong> i <em>maj</em>.</p>\n\n" +
        "<ul><li><p>Sex avdelningar</p><ul><li><p>varav två för de yngsta</p></li></ul></li><li><p>Egen tillagning</p></li></ul>\n\n\n" +
        "<p>Så här gör du:</p>\n" +
        "<ol><li><p>Logga in</p></li><li><p>Ansök</p></li></ol>\n\n\n" +
        '<p>Läs mer på <a href="https://exempelby.se/forskola">exempelby.se/forskola</a>.</p>',
    );
  });

  it("keeps Google Docs' bold and italic spans but not its all-bold wrapper", () => {
    const html = sanitizePastedHtml(GOOGLE_DOCS);
    expect(html).toBe(
      "<h2>Öppettider i sommar</h2>" +
        '<p><strong>Biblioteket</strong> har <em>kortare</em><strong><em> öppettider</em></strong>. Se <a href="https://exempelby.se/bibliotek">bibliotekets sida</a>.</p>' +
        "<ul><li><p>Måndag–torsdag 10–18</p></li><li><p>Fredag 10–16</p></li></ul>" +
        "<table><tbody><tr><td><p><strong>Dag</strong></p></td><td><p><strong>Tid</strong></p></td></tr>" +
        "<tr><td><p>Lördag</p></td><td><p>Stängt</p></td></tr></tbody></table>",
    );
  });

  it("takes the text of a web page and leaves its menus, media, forms and trackers", () => {
    const html = sanitizePastedHtml(WEB_PAGE);
    expect(html).toContain("<h2>Vägarbete på Storgatan</h2>");
    expect(html).toContain('<p>Från <strong>1 juni</strong> är Storgatan <em>avstängd</em>. <a href="/trafik">Se omledning</a>.</p>');
    expect(html).toContain('<h4>Kontakt</h4><p>Ring <a href="tel:+4612345678">012-345 678</a> eller <a href="mailto:gata@exempelby.se">mejla</a>.</p>');
    expect(html).toContain("Storgatan i dag.");
    for (const gone of ["Bo och leva", "Dela", "Alla", "sök", "<img", "<iframe", "script", "class=", "id=", "style=", "data-", "target=", "rel=", "onclick", "tracker"]) {
      expect(html).not.toContain(gone);
    }
  });

  it("gives the editor documents the validator accepts", () => {
    expect(pasted(WORD).content?.[0]).toEqual(canonical(doc(h(2, "Ny förskola i Exempelby"))).content?.[0]);
    expect(pasted(WORD).content?.[1]).toEqual(canonical(doc(p(bold("Byggstart"), " i ", italic("maj"), "."))).content?.[0]);
    const docs = pasted(GOOGLE_DOCS);
    expect(docs.content?.[2]).toEqual(canonical(doc(ul(["Måndag–torsdag 10–18"], ["Fredag 10–16"]))).content?.[0]);
    expect(docs.content?.[3]).toEqual(
      canonical(
        doc(
          table(
            [
              [bold("Dag"), bold("Tid")],
              ["Lördag", "Stängt"],
            ],
            { header: false },
          ),
        ),
      ).content?.[0],
    );
    expect(pasted(WEB_PAGE).content?.some((node) => node.type === "figure")).toBe(false);
  });

  describe("hostile HTML", () => {
    it.each([
      ['<img src=x onerror="alert(1)">', ""],
      ["<p>a<script>alert(1)</script>b</p>", "<p>ab</p>"],
      ["<style>p{color:red}</style><p>a</p>", "<p>a</p>"],
      // (After the paragraph: happy-dom, unlike browsers, does not let a <p> break out of <svg>.)
      ["<p>a</p><svg><script>alert(1)</script><text>t</text></svg>", "<p>a</p>"],
      ['<svg onload="alert(1)"><a href="javascript:alert(1)">x</a></svg>', ""],
      ["<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", ""],
      ['<iframe src="https://evil.example" srcdoc="<script>alert(1)</script>"></iframe><p>a</p>', "<p>a</p>"],
      ['<object data="evil.swf"><embed src="evil.swf"></object><p>a</p>', "<p>a</p>"],
      ["<template><script>alert(1)</script></template><p>a</p>", "<p>a</p>"],
      ['<noscript><p title="</noscript><img src=x onerror=alert(1)>">a</p></noscript>', ""],
      ['<p onclick="alert(1)" onmouseover="alert(1)" style="background:url(javascript:alert(1))">a</p>', "<p>a</p>"],
      ['<a href="javascript:alert(1)">klicka</a>', "klicka"],
      ['<a href="JaVaScRiPt:alert(1)">a</a>', "a"],
      ['<a href="java&#x09;script:alert(1)">a</a>', "a"],
      ['<a href="&#x20;javascript:alert(1)">a</a>', "a"],
      ['<a href="data:text/html,<script>alert(1)</script>">a</a>', "a"],
      ['<a href="vbscript:msgbox(1)">a</a>', "a"],
      ['<a href="//evil.example/x">a</a>', "a"],
      ['<a href="/\\evil.example">a</a>', "a"],
      ['<a name="_Toc123">a</a>', "a"],
      ['<a href=" https://exempelby.se/a " target="_blank" rel="opener">a</a>', '<a href="https://exempelby.se/a">a</a>'],
      ['<p>a<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example"></p>', "<p>a</p>"],
      ['<form action="https://evil.example"><p>a</p><input type="password"><button formaction="x">b</button></form>', "<p>a</p>"],
      ['<p data-x="1" class="c" id="i" lang="sv" dir="ltr" title="t">a</p>', "<p>a</p>"],
      ['<font face="Comic Sans" color="red">a</font>', "a"],
      ["<p>a<!-- kommentar --><!--[if mso]><b>word</b><![endif]-->b</p>", "<p>ab</p>"],
      ["<pre><code>x = 1</code></pre>", "x = 1"],
      ["<constructor>a</constructor><tostring>b</tostring><__proto__>c</__proto__>", "abc"],
      [
        '<div style="font-weight:bold">a</div><span style="font-weight:normal">b</span><strong style="font-weight:400">c</strong><i style="font-style:normal">d</i>',
        "<strong>a</strong>bcd",
      ],
      ["<h1>a</h1><h3>b</h3><h5>c</h5><h6>d</h6>", "<h2>a</h2><h3>b</h3><h4>c</h4><h4>d</h4>"],
      ["<blockquote><p>a<br>b</p></blockquote><hr>", "<blockquote><p>a<br>b</p></blockquote>"],
    ])("%s", (input, expected) => {
      expect(sanitizePastedHtml(input)).toBe(expected);
    });
  });

  describe("tables", () => {
    it("keeps header cells and sensible spans, drops widths and styles", () => {
      expect(
        sanitizePastedHtml(
          '<table border="1" style="width:100%"><thead><tr><th colspan="2" style="width:50%" scope="col">Rubrik</th></tr></thead><tbody><tr><td rowspan="0">a</td><td colspan="9999">b</td></tr></tbody></table>',
        ),
      ).toBe('<table><thead><tr><th colspan="2">Rubrik</th></tr></thead><tbody><tr><td>a</td><td>b</td></tr></tbody></table>');
    });

    it("flattens lists, headings and nested tables in a cell into paragraphs", () => {
      const html = sanitizePastedHtml(
        "<table><tbody><tr><td><h3>Rubrik</h3><ul><li>ett</li><li><p>två</p></li></ul><table><tbody><tr><td>inre</td></tr></tbody></table></td></tr></tbody></table>",
      );
      expect(html).toBe("<table><tbody><tr><td><p>Rubrik</p><p>ett</p><p>två</p><p>inre</p></td></tr></tbody></table>");
      const json = pasted(html);
      expect(json.content).toHaveLength(1);
      expect(json.content?.[0]?.content?.[0]?.content?.[0]?.content).toHaveLength(4);
    });

    it("moves a caption out in front of the table", () => {
      expect(sanitizePastedHtml("<table><caption>Öppettider</caption><tbody><tr><td>a</td></tr></tbody></table>")).toBe(
        "<p>Öppettider</p><table><tbody><tr><td>a</td></tr></tbody></table>",
      );
    });
  });

  it("keeps the editor's own blocks when they are cut and pasted inside it", () => {
    const moved = doc(
      infoBox("Fakta", p("Torget kl. 10")),
      qa(["Varför?", "Därför."]),
      figure({ mediaId: "0b8f6a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b", alt: "Torget", width: 800, height: 600 }),
    );
    // ProseMirror marks its clipboard HTML with data-pm-slice on the first element.
    const clipboard = renderDocument(moved).replace("<div", '<div data-pm-slice="0 0 []"');
    expect(pasted(clipboard)).toEqual(canonical(moved));
  });

  it("takes no link target or class from another ProseMirror site", () => {
    const html = sanitizePastedHtml('<p data-pm-slice="1 1 []"><a href="https://exempelby.se" target="_blank" rel="noopener" class="x">a</a></p>');
    expect(html).toBe('<p data-pm-slice="1 1 []"><a href="https://exempelby.se">a</a></p>');
  });

  it("keeps a plain link and paragraph as they are", () => {
    const html = '<p>Se <a href="https://exempelby.se">här</a>.</p>';
    expect(sanitizePastedHtml(html)).toBe(html);
    expect(pasted(html)).toEqual(canonical(doc(p("Se ", link("här", "https://exempelby.se"), "."))));
  });
});
