import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { storageStatePath } from "./demo-users";

// The municipality's name stands on every public page, which most other specs read: this spec runs
// alone, after them (the "identity" project in playwright.config.ts), and puts the name back.
test.describe.configure({ mode: "serial" });
test.use({ storageState: storageStatePath("admin") });

const PUBLIC_PAGES = ["/", "/nyhetsbrev", "/blogg", "/kalender", "/sok?q=skolan", "/prenumerera", "/tillganglighet"];

test("@admin changes the municipality's name and colour, and every public page shows them at once", async ({ page, browser }) => {
  test.slow();
  await page.goto("/redaktion");
  await page.getByRole("navigation", { name: "Redaktionen" }).getByRole("link", { name: "Inställningar" }).click();
  await expect(page).toHaveURL(/\/redaktion\/installningar$/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);

  const name = page.getByLabel("Kommunens namn");
  const original = await name.inputValue();
  const newName = `Sjöstads kommun ${Date.now() % 100_000}`;
  try {
    await name.fill(newName);
    // Too light: refused with the measured ratio, and nothing typed is lost.
    await page.getByLabel("Accentfärg").fill("#ff9900");
    await expect(page.getByText("Kontrast mot vit bakgrund: 2,1:1 (för låg, minst 4,5:1)")).toBeVisible();
    await page.getByRole("button", { name: "Spara uppgifterna" }).click();
    await expect(page.getByText("Färgen har kontrasten 2,1:1 mot den vita bakgrunden.", { exact: false })).toBeVisible();
    await expect(name).toHaveValue(newName);

    await page.getByLabel("Accentfärg").fill("#7a1f5c");
    await page.getByRole("button", { name: "Spara uppgifterna" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Uppgifterna är sparade" })).toBeVisible();

    const resident = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
    const article = await (async () => {
      await resident.goto("/nyhetsbrev");
      await resident
        .getByRole("main")
        .getByRole("link", { name: /^Nummer \d+ \d{4}/ })
        .first()
        .click();
      return resident.getByRole("main").locator('a[href*="/nyhetsbrev/"]').first().getAttribute("href");
    })();
    for (const path of [...PUBLIC_PAGES, article!]) {
      await resident.goto(path);
      const header = resident.getByRole("banner");
      await expect(header, path).toContainText(newName);
      await expect(header.getByText(newName, { exact: true })).toHaveCSS("color", "rgb(122, 31, 92)");
    }
    await resident.context().close();
  } finally {
    await page.goto("/redaktion/installningar");
    await page.getByLabel("Kommunens namn").fill(original);
    await page.getByLabel("Accentfärg").fill("#1f4e79");
    await page.getByRole("button", { name: "Spara uppgifterna" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Uppgifterna är sparade" })).toBeVisible();
  }
});

test("@admin uploads an SVG logo: the header shows it, the favicon is made from it, scripts are gone", async ({ page, request }) => {
  await page.goto("/redaktion/installningar");
  await page.getByLabel("Ny logotyp").setInputFiles({
    name: "logotyp.svg",
    mimeType: "image/svg+xml",
    buffer: Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40" onload="window.__logo=1"><script>window.__logo=2</script><rect width="120" height="40" fill="#1f4e79"/><circle cx="20" cy="20" r="12" fill="#fff"/></svg>`,
    ),
  });
  await page.getByRole("button", { name: "Ladda upp logotypen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Logotypen är bytt" })).toBeVisible();
  await expect(page.getByRole("img", { name: /nuvarande logotyp/ })).toBeVisible();

  await page.goto("/");
  const logo = page.getByRole("banner").locator("img");
  await expect(logo).toBeVisible();
  const src = await logo.getAttribute("src");
  expect(src).toMatch(/^\/media\/[0-9a-f-]{36}\/original\.svg$/);
  const svg = await request.get(src!);
  expect(svg.headers()["content-type"]).toBe("image/svg+xml");
  expect(svg.headers()["content-security-policy"]).toContain("default-src 'none'");
  expect(await svg.text()).not.toMatch(/script|onload/);

  const icon = await page.locator('link[rel="icon"][sizes="32x32"]').getAttribute("href");
  const favicon = await request.get(icon!);
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toBe("image/png");
  expect(await page.locator('link[rel="apple-touch-icon"]').getAttribute("href")).toMatch(/^\/ikon\/180\.png\?v=/);

  // Without a logo the header is the name alone, and public/ serves the fallback icons.
  await page.goto("/redaktion/installningar");
  await page.getByRole("button", { name: "Ta bort logotypen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Logotypen är borttagen" })).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("banner").locator("img")).toHaveCount(0);
  expect((await request.get("/favicon.ico")).status()).toBe(200);
  expect((await request.get("/apple-touch-icon.png")).headers()["content-type"]).toBe("image/png");
});
