import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import sharp from "sharp";
import { storageStatePath } from "./demo-users";
import { EditorPage } from "./pages/editor-page";

const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** One h1, and no heading more than one level below the one before it. */
async function expectHeadingOrder(page: Page) {
  const levels = await page.locator("h1, h2, h3, h4, h5, h6").evaluateAll((hs) => hs.map((h) => Number(h.tagName.slice(1))));
  expect(levels.filter((level) => level === 1)).toHaveLength(1);
  levels.forEach((level, i) => {
    if (i > 0) expect(level - levels[i - 1]!, `heading levels ${levels.join(",")}`).toBeLessThanOrEqual(1);
  });
}

async function firstIssuePath(page: Page) {
  await page.goto("/nyhetsbrev");
  return (await page
    .getByRole("link", { name: /^Nummer \d+ \d{4}$/ })
    .first()
    .getAttribute("href"))!;
}

async function firstArticlePath(page: Page) {
  await page.goto(await firstIssuePath(page));
  return (await page.locator("main section[id] h2 a").first().getAttribute("href"))!;
}

/** A published post with a cover image, written by the redaktör and published by the utgivare. */
async function publishPostWithCover(browser: Browser): Promise<string> {
  const title = `Omslagsbild ${Date.now()}`;
  const writerContext = await browser.newContext({ storageState: storageStatePath("redaktor") });
  const reviewerContext = await browser.newContext({ storageState: storageStatePath("utgivare") });
  const editor = new EditorPage(await writerContext.newPage());
  await editor.createPost(title);
  await editor.focusBody();
  await editor.page.keyboard.type("Torget har fått nya bänkar.");
  await editor.tool("Bild").click();
  const dialog = editor.page.getByRole("dialog", { name: "Bild" });
  const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: "#3a7d5c" } })
    .jpeg()
    .toBuffer();
  await dialog.getByLabel("Bildfil").setInputFiles({ name: "torget.jpg", mimeType: "image/jpeg", buffer: photo });
  await dialog.getByLabel("Alternativtext").fill("Torget med nya bänkar");
  await dialog.getByRole("button", { name: "Ladda upp och infoga" }).click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
  await editor.page.getByRole("button", { name: "Välj omslagsbild" }).click();
  await editor.page
    .getByRole("dialog", { name: "Omslagsbild" })
    .getByRole("button", { name: /Torget med nya bänkar/ })
    .first()
    .click();
  await editor.expectSaved();
  const workflow = (page: Page) => page.getByRole("region", { name: /^Status:/ });
  await workflow(editor.page).getByRole("button", { name: "Skicka för granskning" }).click();
  await expect(workflow(editor.page).getByRole("heading")).toHaveText("Status: Granskas");

  const reviewer = await reviewerContext.newPage();
  await reviewer.goto("/redaktion/granska");
  await reviewer.getByRole("link", { name: title }).click();
  await workflow(reviewer).getByRole("button", { name: "Godkänn" }).click();
  await expect(workflow(reviewer).getByRole("heading")).toHaveText("Status: Godkänd");
  await workflow(reviewer).getByRole("button", { name: "Publicera" }).click();
  await reviewer.getByRole("dialog").getByRole("button", { name: "Publicera nu" }).click();
  await expect(workflow(reviewer).getByRole("heading")).toHaveText("Status: Publicerad");
  await Promise.all([writerContext.close(), reviewerContext.close()]);

  const resident = await browser.newPage();
  await resident.goto("/blogg/kommunchefen");
  const href = (await resident.getByRole("link", { name: title }).getAttribute("href"))!;
  await resident.close();
  return href;
}

test.describe("@resident every public page type meets WCAG 2.1 AA", () => {
  const fixed: [string, string, RegExp | string][] = [
    ["start page", "/", "Nyheter från kommunen"],
    ["newsletter archive", "/nyhetsbrev", "Nyhetsbrev"],
    ["list of blogs", "/blogg", "Bloggar"],
    ["blog", "/blogg/kommunchefen", "Kommunchefens blogg"],
    ["blog of several writers", "/blogg/medarbetarbloggen", "Medarbetarbloggen"],
    ["multi-author post", "/blogg/medarbetarbloggen/tre-kollegor-om-en-tryggare-kommun", "Tre kollegor om en tryggare kommun"],
    ["post with a correction", "/blogg/kommunchefen/elevrad-vattentryck-och-ett-stort-tack", "Elevråd, vattentryck och ett stort tack"],
    ["tag page", `/amne/${encodeURIComponent("samhällsbyggnad")}`, "samhällsbyggnad"],
    ["author page", "/skribent/karin-holm", "Karin Holm"],
    ["calendar", "/kalender", "Kalender"],
    ["accessibility statement", "/tillganglighet", "Tillgänglighetsredogörelse"],
  ];
  for (const [name, path, heading] of fixed) {
    test(name, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await expect(page.locator("html")).toHaveAttribute("lang", "sv");
      await expect(page.getByRole("contentinfo").getByRole("link", { name: "Tillgänglighetsredogörelse" })).toBeVisible();
      await expectNoViolations(page);
      await expectHeadingOrder(page);
    });
  }

  test("issue page and article page", async ({ page }) => {
    const issuePath = await firstIssuePath(page);
    await page.goto(issuePath);
    await expectNoViolations(page);
    await expectHeadingOrder(page);

    const articlePath = await firstArticlePath(page);
    expect(articlePath).toMatch(/^\/nyhetsbrev\/\d{4}\/\d+\/[a-z0-9-]+$/);
    await page.goto(articlePath);
    const [, year, number] = /^\/nyhetsbrev\/(\d{4})\/(\d+)/.exec(articlePath)!;
    await expect(page.getByRole("link", { name: `Till nummer ${number} ${year}` })).toHaveAttribute("href", issuePath);
    await expect(page.locator(".signature").first()).toBeVisible();
    await expectNoViolations(page);
    await expectHeadingOrder(page);
  });

  test("a post with a cover image", async ({ page, browser }) => {
    test.slow();
    await page.goto(await publishPostWithCover(browser));
    await expect(page.locator("article > figure img")).toHaveAttribute("alt", "Torget med nya bänkar");
    await expectNoViolations(page);
    await expectHeadingOrder(page);
  });

  test("the Swedish 404, also for malformed addresses", async ({ page }) => {
    const long = "a".repeat(10_000);
    for (const path of [
      "/finns-inte",
      "/nyhetsbrev/abc/3/x",
      "/nyhetsbrev/2020/1/finns-inte",
      `/nyhetsbrev/2020/1/${long}`,
      `/amne/${long}`,
      "/amne/finns-inget-sadant-amne",
      `/skribent/${long}`,
      "/skribent/ali-hassan",
      "/skribent/lena-ek",
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path.slice(0, 60)).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Sidan finns inte" })).toBeVisible();
    }
    await expectNoViolations(page);
  });
});

test.describe("@resident the calendar", () => {
  test("groups upcoming events by month, marks cancelled ones in words and links the feed", async ({ page }) => {
    await page.goto("/kalender");
    const months = page.getByRole("heading", { level: 2 });
    expect(await months.count()).toBeGreaterThan(0);
    await expect(months.first()).toHaveText(/^[A-ZÅÄÖ][a-zåäö]+ \d{4}$/);
    await expect(page.getByText("Inställt", { exact: true }).first()).toBeVisible();
    await expect(page.getByText("Med reservation för eventuella ändringar.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Prenumerera på kalendern" })).toHaveAttribute("href", "/kalender.ics");
  });
});

test.describe("@resident tags and authors", () => {
  test("an article's tags and authors lead to their pages", async ({ page }) => {
    await page.goto(await firstArticlePath(page));
    const tag = page.getByRole("list", { name: "Ämnen" }).getByRole("link").first();
    const tagName = (await tag.textContent())!;
    await tag.click();
    await expect(page.getByRole("heading", { level: 1, name: tagName })).toBeVisible();
    const tagUrl = decodeURIComponent(page.url());
    await page.getByRole("main").getByRole("link").first().click();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

    // A tag typed with capitals is the same subject, and the page names its one address.
    await page.goto(`/amne/${encodeURIComponent(tagName.toUpperCase())}`);
    await expect(page.getByRole("heading", { level: 1, name: tagName, exact: true })).toBeVisible();
    const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
    expect(decodeURIComponent(canonical!)).toBe(tagUrl);

    await page.goto("/skribent/karin-holm");
    await expect(page.getByText("Kommunchef", { exact: true })).toBeVisible();
    expect(new URL((await page.locator('link[rel="canonical"]').getAttribute("href"))!).pathname).toBe("/skribent/karin-holm");
    await expect(page.getByRole("main")).not.toContainText("@");
    await expect(page.getByRole("main")).not.toContainText("Tankar inför budgetarbetet");
  });
});

/** Tabs through the page and checks every link of the main menu and <main> gets a visible focus, in order. */
async function expectKeyboardReachesEveryLink(page: Page) {
  const expected = await page.locator("header nav a, main a").evaluateAll((links) =>
    links.map((link, i) => {
      link.setAttribute("data-kb", String(i));
      return i;
    }),
  );
  expect(expected.length).toBeGreaterThan(3);
  const reached: number[] = [];
  for (let presses = 0; presses < expected.length + 40; presses++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const visible = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none";
      return { kb: el.getAttribute("data-kb"), visible, inFooter: Boolean(el.closest("footer")), label: el.textContent?.trim() ?? "" };
    });
    if (!focused) continue;
    expect(focused.visible, `focus visible on "${focused.label}"`).toBe(true);
    if (focused.inFooter) break;
    if (focused.kb !== null) reached.push(Number(focused.kb));
  }
  expect(reached).toEqual(expected);
}

test.describe("@resident keyboard only", () => {
  test("the skip link comes first and moves focus to the content", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Hoppa till innehållet" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#innehall$/);
    await expect(page.locator("main")).toBeFocused();
  });

  test("reaches every link of the start page in order, with visible focus", async ({ page }) => {
    await page.goto("/");
    await expectKeyboardReachesEveryLink(page);
  });

  test("reaches every link of an issue page in order, with visible focus", async ({ page }) => {
    await page.goto(await firstIssuePath(page));
    await expectKeyboardReachesEveryLink(page);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("@resident reads an article with JavaScript turned off", async ({ page }) => {
    await page.goto("/nyhetsbrev");
    await page
      .getByRole("link", { name: /^Nummer \d+ \d{4}$/ })
      .first()
      .click();
    await page.locator("main section[id] h2 a").first().click();
    await expect(page).toHaveURL(/\/nyhetsbrev\/\d{4}\/\d+\/[a-z0-9-]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect((await page.locator(".rich-text").innerText()).length).toBeGreaterThan(200);
    await expect(page.getByRole("link", { name: /^Till nummer \d+ \d{4}$/ })).toBeVisible();
  });
});
