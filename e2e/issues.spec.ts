import { expect, test, type Page } from "@playwright/test";
import { storageStatePath } from "./demo-users";

/** A date `days` from today in Stockholm, as the date inputs and the seeded events use it. */
function stockholmDay(days: number): string {
  const at = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

const articleTitles = (page: Page) =>
  page
    .getByRole("list")
    .filter({ has: page.getByRole("button", { name: /^Flytta upp/ }) })
    .getByRole("listitem");

async function setWindow(page: Page, from: string, to: string) {
  await page.getByLabel("Kalendarium från").fill(from);
  await page.getByLabel("Kalendarium till").fill(to);
  await page.getByRole("button", { name: "Spara numret" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Numret är sparat." })).toBeVisible();
}

test.describe("@redaktor assembles an issue", () => {
  test.use({ storageState: storageStatePath("redaktor") });

  test("creates the next issue, adds, orders and places articles, and previews the Kalendarium", async ({ page }) => {
    await page.goto("/redaktion/nummer");
    await expect(page.getByRole("heading", { level: 1, name: "Nummer" })).toBeVisible();
    const proposed = (await page.locator("#nytt-nummer-info strong").textContent())!.replace(/^nummer /, "");
    expect(proposed).toMatch(/^\d+ \d{4}$/);
    await page.getByRole("button", { name: "Skapa nummer" }).click();
    await expect(page).toHaveURL(/\/redaktion\/nummer\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Nummer ${proposed}`);

    for (const title of ["Nytt äldreboende", "Julmarknad på Torget", "Kommunchefen har ordet"]) {
      await page.getByLabel("Rubrik").fill(title);
      await page.getByRole("button", { name: "Lägg till artikel" }).click();
      await expect(page.getByRole("link", { name: title, exact: true })).toBeVisible();
      await expect(page.getByLabel("Rubrik")).toHaveValue("");
    }
    await expect(articleTitles(page)).toHaveCount(3);

    await page.getByRole("button", { name: "Flytta upp Kommunchefen har ordet" }).click();
    await expect(articleTitles(page).nth(1)).toContainText("Kommunchefen har ordet");
    await expect(articleTitles(page).nth(2)).toContainText("Julmarknad på Torget");

    await page.getByRole("button", { name: "Gör Kommunchefen har ordet till krönika" }).click();
    await expect(articleTitles(page).first()).toContainText("Krönika");
    await expect(articleTitles(page).first()).toContainText("Kommunchefen har ordet");
    await expect(page.getByRole("button", { name: "Gör Kommunchefen har ordet till artikel" })).toBeVisible();

    const kalendarium = page.getByRole("region", { name: "Kalendarium", exact: true });
    await setWindow(page, stockholmDay(4), stockholmDay(9));
    await expect(kalendarium).toContainText("Bokcirkel på biblioteket");
    await expect(kalendarium).not.toContainText("Seniordans på Solgården");
    await setWindow(page, stockholmDay(10), stockholmDay(13));
    await expect(kalendarium).toContainText("Seniordans på Solgården");
    await expect(kalendarium).not.toContainText("Bokcirkel på biblioteket");

    await page.getByLabel("Kalendarium till").fill(stockholmDay(1));
    await page.getByRole("button", { name: "Spara numret" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Kontrollera fälten." })).toBeVisible();
    await expect(page.getByText("Kalendariet kan inte sluta före det börjar.")).toBeVisible();
    await expect(page.getByLabel("Kalendarium till")).toHaveValue(stockholmDay(1));

    await page.goto("/redaktion/nummer");
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: `Nummer ${proposed}` }) });
    await expect(row).toContainText("Utkast");
    await expect(row.getByRole("cell").nth(4)).toHaveText("3");
  });
});

test.describe("@skribent cannot assemble issues", () => {
  test.use({ storageState: storageStatePath("skribent") });

  test("gets no menu link and the Swedish 403 for the issue pages", async ({ page }) => {
    const response = await page.goto("/redaktion/nummer");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Du har inte behörighet till den här sidan" })).toBeVisible();
    await page.goto("/redaktion");
    await expect(page.getByRole("navigation", { name: "Redaktionen" }).getByRole("link", { name: "Nummer" })).toHaveCount(0);
  });
});
