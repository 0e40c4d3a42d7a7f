import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

const DRAFT_TITLE = "Utkast: Ny detaljplan för Norrbäckens strand";

test("@resident finds an inflected Swedish word, highlighted, and opens the text", async ({ page }) => {
  await page.goto("/sok");
  await page.getByLabel("Sök", { exact: true }).fill("skolor");
  await page.getByRole("main").getByRole("button", { name: "Sök" }).click();

  await expect(page).toHaveURL(/\/sok\?q=skolor/);
  await expect(page).toHaveTitle(/^Sök: skolor – /);
  await expect(page.getByRole("heading", { level: 2, name: /\d+ träff(ar)? för ”skolor”/ })).toBeVisible();
  const results = page.getByRole("listitem").filter({ has: page.locator("mark") });
  expect(await results.count()).toBeGreaterThan(0);
  await expect(page.locator("main mark").first()).toHaveText(/^skol/i);

  await page.getByRole("link", { name: "Fem frågor till Lena Ek, ny rektor på Exempelbyskolan" }).click();
  await expect(page).toHaveURL(/\/nyhetsbrev\/\d{4}\/\d+\/fem-fragor-till-lena-ek/);
  await expect(page.getByRole("heading", { level: 1, name: "Fem frågor till Lena Ek, ny rektor på Exempelbyskolan" })).toBeVisible();
});

test("@resident never finds a draft or a text awaiting review", async ({ page }) => {
  await page.goto(`/sok?q=${encodeURIComponent('"Norrbäckens strand"')}`);
  await expect(page.getByText('Inga träffar för ”"Norrbäckens strand"”.')).toBeVisible();
  await page.goto("/sok?q=Norrb%C3%A4ckens");
  await expect(page.getByRole("link", { name: DRAFT_TITLE })).toHaveCount(0);
  await page.goto("/sok?q=budgetarbetet");
  await expect(page.getByText("Inga träffar för ”budgetarbetet”.")).toBeVisible();
});

test("@resident gets a normal page for hostile queries, the query shown as text", async ({ page }) => {
  let dialogs = 0;
  page.on("dialog", async (dialog) => {
    dialogs++;
    await dialog.dismiss();
  });
  for (const q of ["<script>alert(1)</script>", "'; drop table users; --", "x".repeat(10_000)]) {
    const response = await page.goto(`/sok?q=${encodeURIComponent(q)}`);
    expect(response?.status()).toBe(200);
    const shown = q.trim().slice(0, 200);
    await expect(page.getByText(`Inga träffar för ”${shown}”.`)).toBeVisible();
    await expect(page.getByLabel("Sök", { exact: true })).toHaveValue(shown);
  }
  expect(await page.locator("main script").count()).toBe(0);
  expect(dialogs).toBe(0);
  // The table is still there: the demo still finds its texts.
  await page.goto("/sok?q=skolor");
  await expect(page.getByRole("heading", { level: 2, name: /träff/ })).toBeVisible();
});

test("@resident narrows the results with the filters, and pages keep them", async ({ page }) => {
  await page.goto("/sok?q=kommunen");
  const count = async () => Number((await page.getByRole("heading", { level: 2, name: /träff/ }).textContent())?.match(/\d+/)?.[0]);
  const all = await count();
  expect(all).toBeGreaterThan(1);

  await page.getByLabel("Publikation").selectOption({ label: "Kommunchefens blogg" });
  await page.getByRole("main").getByRole("button", { name: "Sök" }).click();
  await expect(page).toHaveURL(/publikation=kommunchefen/);
  const blogOnly = await count();
  expect(blogOnly).toBeLessThan(all);
  for (const meta of await page.locator("main ol > li p.text-sm").allTextContents()) expect(meta).toContain("Kommunchefens blogg");

  const year = new Date().getFullYear();
  await page.goto(`/sok?q=kommunen&ar=${year - 3}`);
  await expect(page.getByText("Inga träffar för ”kommunen”.")).toBeVisible();
  await expect(page.getByLabel("År")).toHaveValue("");
});

test("@resident search works without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/sok");
  await page.getByLabel("Sök", { exact: true }).fill("biblioteket");
  await page.getByRole("main").getByRole("button", { name: "Sök" }).click();
  await expect(page.getByRole("heading", { level: 2, name: /träff/ })).toBeVisible();
  await context.close();
});

test("@resident the results page passes axe-core (WCAG 2.1 A/AA)", async ({ page }) => {
  await page.goto("/sok?q=skolor");
  await expect(page.locator("main mark").first()).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations).toEqual([]);
  await page.goto("/sok?q=inget-finns-h%C3%A4r");
  const empty = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(empty.violations).toEqual([]);
});
