import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { storageStatePath } from "./demo-users";

test.describe("@admin the accessibility statement", () => {
  test.use({ storageState: storageStatePath("admin") });

  test("is edited in the staff area, refused with Swedish messages without losing input, and shown to residents", async ({ page, browser }) => {
    const shortcoming = `Tabellerna i budgetnumret saknar rubrikceller (WCAG 1.3.1) ${Date.now()}`;
    await page.goto("/redaktion");
    await page.getByRole("navigation", { name: "Redaktionen" }).getByRole("link", { name: "Inställningar" }).click();
    await page.getByRole("navigation", { name: "Inställningar" }).getByRole("link", { name: "Tillgänglighetsredogörelse" }).click();
    await expect(page).toHaveURL(/\/redaktion\/installningar\/tillganglighet$/);
    await expect(page.getByRole("heading", { level: 1, name: "Tillgänglighetsredogörelse" })).toBeVisible();

    const shortcomings = page.getByLabel("Kända brister");
    await shortcomings.fill(`${await shortcomings.inputValue()}\n${shortcoming}`);
    await page.getByLabel("Inte förenlig").check();
    await page.getByLabel("E-post för synpunkter").fill("inte en adress");
    await page.getByRole("button", { name: "Spara redogörelsen" }).click();

    // (Next.js has a route announcer with role="alert" of its own.)
    await expect(page.getByRole("alert").filter({ hasText: "Redogörelsen sparades inte" })).toHaveText("Redogörelsen sparades inte. Rätta fälten som är markerade.");
    const email = page.getByLabel("E-post för synpunkter");
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Ange en e-postadress som läsare kan skriva till.")).toBeVisible();
    // Nothing typed is lost.
    await expect(email).toHaveValue("inte en adress");
    await expect(page.getByLabel("Kända brister")).toHaveValue(new RegExp(`${shortcoming.slice(0, 30)}`));
    await expect(page.getByLabel("Inte förenlig")).toBeChecked();

    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);

    await email.fill("tillganglighet@exempelby.test");
    await page.getByRole("button", { name: "Spara redogörelsen" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Redogörelsen är sparad" })).toBeVisible();

    const resident = await browser.newPage();
    await resident.goto("/tillganglighet");
    const main = resident.getByRole("main");
    await expect(main.getByRole("listitem").filter({ hasText: shortcoming })).toBeVisible();
    await expect(main).toContainText("Inte förenlig.");
    await expect(main.getByRole("link", { name: "tillganglighet@exempelby.test" }).first()).toHaveAttribute("href", "mailto:tillganglighet@exempelby.test");
    await expect(main.getByRole("link", { name: "anmäla det till Digg" })).toHaveAttribute("href", "https://www.digg.se/tdosanmalan");
    await expect(main).toContainText(/Redogörelsen uppdaterades senast \d{1,2} [a-zåäö]+ \d{4}\./);
    await expect(main).toContainText(/Senaste bedömningen gjordes \d{1,2} [a-zåäö]+ \d{4}\./);
    await resident.close();

    await page.goto("/redaktion/logg");
    await expect(page.getByRole("table")).toContainText("Uppdaterade tillgänglighetsredogörelsen");
  });
});

test.describe("@redaktor the accessibility statement", () => {
  test.use({ storageState: storageStatePath("redaktor") });

  test("cannot be edited by anyone but an admin", async ({ page }) => {
    await page.goto("/redaktion");
    await expect(page.getByRole("navigation", { name: "Redaktionen" }).getByRole("link", { name: "Inställningar" })).toHaveCount(0);
    const response = await page.goto("/redaktion/installningar/tillganglighet");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Du har inte behörighet till den här sidan" })).toBeVisible();
  });
});
