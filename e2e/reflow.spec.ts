import { expect, test, type Page } from "@playwright/test";

/**
 * Reflow (WCAG 1.4.10): at 320 CSS px (a 1280 px window zoomed to 400 %) every public page type
 * reads without scrolling sideways. Long Swedish compounds, e-mail and web addresses are what
 * pushed pages wider: they must wrap.
 */

test.use({ viewport: { width: 320, height: 640 } });

async function firstHref(page: Page, path: string, selector: string): Promise<string> {
  await page.goto(path);
  const href = await page.locator(selector).first().getAttribute("href");
  expect(href, `a link ${selector} on ${path}`).toBeTruthy();
  return href!;
}

/** Nothing wider than the window: neither the page, nor a heading's text within its box. */
async function expectNoSidewaysScrolling(page: Page, label: string) {
  const overflow = await page.evaluate(() => {
    const root = document.documentElement;
    const headings = [...document.querySelectorAll("h1, h2, h3")]
      // Visually hidden headings (sr-only, 1 px wide) are for screen readers and cannot push the page.
      .filter((h) => h.clientWidth > 1 && h.scrollWidth > h.clientWidth + 1)
      .map((h) => h.textContent?.trim() ?? "");
    return { page: root.scrollWidth - root.clientWidth, headings };
  });
  expect(overflow, label).toEqual({ page: 0, headings: [] });
}

test("@resident reads every public page type on a 320 px wide screen without scrolling sideways", async ({ page }) => {
  test.slow();
  const issue = await firstHref(page, "/nyhetsbrev", 'main a[href^="/nyhetsbrev/"]');
  const article = await firstHref(page, issue, "main section[id] h2 a");
  const pages: [string, string, number][] = [
    ["start page", "/", 200],
    ["newsletter archive", "/nyhetsbrev", 200],
    ["issue", issue, 200],
    ["article", article, 200],
    ["list of blogs", "/blogg", 200],
    ["blog", "/blogg/medarbetarbloggen", 200],
    ["post with a long word in its title", "/blogg/medarbetarbloggen/sa-gar-detaljplaneprocessen-till", 200],
    ["post with a correction", "/blogg/kommunchefen/elevrad-vattentryck-och-ett-stort-tack", 200],
    ["topic", `/amne/${encodeURIComponent("samhällsbyggnad")}`, 200],
    ["author", "/skribent/sara-lind", 200],
    ["search with results", "/sok?q=trygghet", 200],
    ["calendar", "/kalender", 200],
    ["subscribe", "/prenumerera", 200],
    ["accessibility statement", "/tillganglighet", 200],
    ["404", "/finns-inte", 404],
  ];
  for (const [label, path, status] of pages) {
    const response = await page.goto(path);
    expect(response?.status(), label).toBe(status);
    await expect(page.getByRole("heading", { level: 1 }), label).toBeVisible();
    if (label === "search with results") await expect(page.getByRole("heading", { level: 2, name: /träff/ })).toBeVisible();
    await expectNoSidewaysScrolling(page, label);
  }
});
