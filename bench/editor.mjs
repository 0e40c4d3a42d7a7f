// Editor performance (issue 4): typing latency in a 10,000-word document, time until the editor
// is interactive, and the autosave round trip. Each figure comes with a reference from the same
// run, because the machines are shared and noisy.
//   node bench/editor.mjs        (needs `npm run build` first)
import { loggedInBrowser, longDocument, percentile, startServer, writeResults } from "./lib.mjs";

const KEYSTROKES = 150;
const server = await startServer(3210);
const { browser, page } = await loggedInBrowser(server.base);

try {
  // A post with a 10,000-word body.
  await page.goto("/redaktion/texter/ny");
  await page.getByLabel("Rubrik").fill("Prestandatest");
  await page.getByLabel("Var ska texten publiceras?").selectOption({ label: "Blogginlägg i Kommunchefens blogg" });
  await page.getByRole("button", { name: "Skapa text" }).click();
  await page.waitForURL(/\/redaktion\/texter\/[0-9a-f-]{36}$/);
  const id = page.url().split("/").pop();
  const put = await page.request.put(`/api/texter/${id}`, {
    data: { baseVersion: 1, title: "Prestandatest", lead: "", slug: "prestandatest", tags: [], coverMediaId: null, body: longDocument(10_000) },
  });
  if (!put.ok()) throw new Error(`Could not store the long document: ${put.status()} ${await put.text()}`);

  // Time to interactive: navigation start until the editor accepts input. Reference: the public start page's load.
  const interactive = [];
  const reference = [];
  for (let i = 0; i < 5; i++) {
    const t0 = Date.now();
    await page.goto(`/redaktion/texter/${id}`);
    await page.locator('.ProseMirror[contenteditable="true"]').waitFor();
    interactive.push(Date.now() - t0);
    const r0 = Date.now();
    await page.goto("/", { waitUntil: "load" });
    reference.push(Date.now() - r0);
  }

  // Keystroke latency: from keydown to the next painted frame, in the editor and in a plain textarea.
  const measure = async (selector) => {
    await page.evaluate(() => {
      window.__lat = [];
      window.addEventListener(
        "keydown",
        () => {
          const t0 = performance.now();
          requestAnimationFrame(() => setTimeout(() => window.__lat.push(performance.now() - t0), 0));
        },
        { capture: true },
      );
    });
    await page.locator(selector).click();
    await page.keyboard.press("Control+End");
    for (let i = 0; i < KEYSTROKES; i++) await page.keyboard.type("a", { delay: 25 });
    await page.waitForTimeout(300);
    return page.evaluate(() => window.__lat);
  };
  await page.goto(`/redaktion/texter/${id}`);
  await page.locator('.ProseMirror[contenteditable="true"]').waitFor();
  const editorLatency = await measure(".ProseMirror");
  await page.goto(`/redaktion/texter/${id}`);
  await page.locator('.ProseMirror[contenteditable="true"]').waitFor();
  await page.evaluate((text) => {
    const area = document.createElement("textarea");
    area.id = "bench-reference";
    area.value = text;
    area.style.cssText = "position:fixed;top:0;left:0;width:600px;height:400px;z-index:999";
    document.body.appendChild(area);
  }, document10kText());
  const textareaLatency = await measure("#bench-reference");

  // Autosave round trip: a realistic change saved over and over. Reference: fetching the log-in page.
  const saves = [];
  const pings = [];
  const body = longDocument(800);
  let version = Number(
    (
      await (
        await page.request.put(`/api/texter/${id}`, { data: { baseVersion: 2, title: "Prestandatest", lead: "", slug: "prestandatest", tags: [], coverMediaId: null, body } })
      ).json()
    ).version,
  );
  for (let i = 0; i < 60; i++) {
    body.content[0] = { type: "paragraph", content: [{ type: "text", text: `Ändring ${i}` }] };
    const t0 = performance.now();
    const response = await page.request.put(`/api/texter/${id}`, {
      data: { baseVersion: version, title: "Prestandatest", lead: "", slug: "prestandatest", tags: [], coverMediaId: null, body },
    });
    saves.push(performance.now() - t0);
    version = Number((await response.json()).version);
    const p0 = performance.now();
    await page.request.get("/logga-in");
    pings.push(performance.now() - p0);
  }

  const ms = (v) => `${v.toFixed(1)} ms`;
  const over = editorLatency.filter((v) => v > 16.7).length;
  const lines = [
    "| measure | result | reference (same run) | ratio |",
    "| --- | --- | --- | --- |",
    `| keystroke → next frame, 10,000-word document, p50 / p95 / max (${editorLatency.length} keys) | ${ms(percentile(editorLatency, 50))} / ${ms(percentile(editorLatency, 95))} / ${ms(Math.max(...editorLatency))} | plain textarea with the same text: ${ms(percentile(textareaLatency, 50))} / ${ms(percentile(textareaLatency, 95))} | p95 ${(percentile(editorLatency, 95) / percentile(textareaLatency, 95)).toFixed(2)}× |`,
    `| keystrokes over one frame (16.7 ms) | ${over} of ${editorLatency.length} | textarea: ${textareaLatency.filter((v) => v > 16.7).length} of ${textareaLatency.length} | |`,
    `| editor page interactive (10,000 words), median of 5 | ${ms(percentile(interactive, 50))} | public start page load: ${ms(percentile(reference, 50))} | ${(percentile(interactive, 50) / percentile(reference, 50)).toFixed(2)}× |`,
    `| autosave round trip (800 words), p50 / p95 of ${saves.length} | ${ms(percentile(saves, 50))} / ${ms(percentile(saves, 95))} | GET /logga-in: ${ms(percentile(pings, 50))} / ${ms(percentile(pings, 95))} | p95 ${(percentile(saves, 95) / percentile(pings, 95)).toFixed(2)}× |`,
    "",
    "Targets (issue 4): under one frame per keystroke, interactive within 1.5 s, autosave p95 under 200 ms.",
  ];
  console.log(lines.join("\n"));
  writeResults("Editor (bench/editor.mjs)", lines);
} finally {
  await browser.close();
  await server.stop();
}

function document10kText() {
  return longDocument(10_000)
    .content.map((block) => block.content?.map((t) => t.text).join("") ?? "")
    .join("\n\n");
}
