import { expect, test } from "@playwright/test";
import { storageStatePath } from "./demo-users";

test.describe("audit log (utgivare)", () => {
  test.use({ storageState: storageStatePath("utgivare") });

  test("@utgivare reads the seeded log, filters by action and follows one text", async ({ page }) => {
    await page.goto("/redaktion");
    await page.getByRole("navigation", { name: "Redaktionen" }).getByRole("link", { name: "Logg" }).click();
    await expect(page).toHaveURL(/\/redaktion\/logg$/);
    await expect(page.getByRole("heading", { level: 1, name: "Logg" })).toBeVisible();
    const table = page.getByRole("table", { name: "Händelser i loggen, nyaste först" });
    for (const column of ["Tid", "Vem", "Åtgärd", "Vad"]) {
      await expect(table.getByRole("columnheader", { name: column })).toBeVisible();
    }
    await expect(table.getByRole("cell", { name: "Skapade demoinnehållet" })).toBeVisible();
    await expect(table.getByRole("cell", { name: /^\d{1,2} [a-zåäö]+ \d{4} kl\. \d{2}\.\d{2}$/ }).first()).toBeVisible();
    // Nothing in the log can be changed from the page.
    await expect(page.getByRole("button", { name: /Radera|Ta bort|Ändra/ })).toHaveCount(0);

    await page.getByLabel("Åtgärd").selectOption({ label: "Publicerade en rättelse" });
    await page.getByRole("button", { name: "Filtrera" }).click();
    await expect(page).toHaveURL(/atgard=item\.correction_published/);
    const rows = table.getByRole("row");
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(1)).toContainText("Karin Holm, ansvarig utgivare");
    await expect(rows.nth(1)).toContainText("Publicerade en rättelse");
    const textLink = rows.nth(1).getByRole("link", { name: "Elevråd, vattentryck och ett stort tack" });
    const href = await textLink.getAttribute("href");
    expect(href).toMatch(/^\/redaktion\/texter\/[0-9a-f-]{36}$/);

    await page.goto(`/redaktion/logg?text=${href!.split("/").at(-1)}`);
    await expect(page.getByText("Visar bara händelser för en text.")).toBeVisible();
    const actions = await table.locator("tbody tr td:nth-child(3)").allTextContents();
    expect(actions).toEqual(expect.arrayContaining(["Skapade en text", "Publicerade en text", "Publicerade en rättelse"]));
  });

  test("@utgivare searches by title and by a malicious-looking string without harm", async ({ page }) => {
    await page.goto("/redaktion/logg");
    await page.getByLabel("Text eller nummer").fill("Solgården");
    await page.getByRole("button", { name: "Filtrera" }).click();
    await expect(page).toHaveURL(/sok=Solg/);
    await expect(page.getByRole("link", { name: "En kväll med nattpersonalen på Solgården" }).first()).toBeVisible();

    const response = await page.goto(`/redaktion/logg?sok=${encodeURIComponent("'; drop table audit_log; --")}&fran=inte-ett-datum&sida=-3`);
    expect(response?.status()).toBe(200);
    await expect(page.getByText("Inga händelser matchar filtret.")).toBeVisible();
    await page.goto("/redaktion/logg");
    await expect(page.getByRole("cell", { name: "Skapade demoinnehållet" })).toBeVisible();
  });
});

test.describe("audit log (skribent)", () => {
  test.use({ storageState: storageStatePath("skribent") });

  test("@skribent has no log: no menu link and the Swedish 403", async ({ page }) => {
    await page.goto("/redaktion");
    await expect(page.getByRole("navigation", { name: "Redaktionen" }).getByRole("link", { name: "Logg" })).toHaveCount(0);
    const response = await page.goto("/redaktion/logg");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Du har inte behörighet till den här sidan" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "Logg" })).toHaveCount(0);
  });
});
