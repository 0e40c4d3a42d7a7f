import { expect, test } from "@playwright/test";
import { ROLE_USERS, storageStatePath } from "./demo-users";

test.describe("@redaktor finds the work waiting", () => {
  test.use({ storageState: storageStatePath("redaktor") });

  test("the Texter list shows everyone's texts in progress, and narrows to the redaktör's own", async ({ page }) => {
    await page.goto("/redaktion");
    // The menu names the list as it is: everyone's texts, not the redaktör's own.
    await page.getByRole("navigation", { name: "Redaktionen" }).getByRole("link", { name: "Texter", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Texter" })).toBeVisible();
    const table = page.getByRole("table", { name: "Texter" });
    // The skribent's draft and the kommunchef's text in review, neither the redaktör's.
    await expect(table.getByRole("cell", { name: /Ny detaljplan för Norrbäckens strand/ })).toBeVisible();
    await expect(table.getByRole("cell", { name: /Tankar inför budgetarbetet/ })).toBeVisible();
    await expect(table).not.toContainText("Publicerad");

    await page.getByLabel("Författare").selectOption({ label: `${ROLE_USERS.redaktor.name} (jag)` });
    await page.getByRole("button", { name: "Filtrera" }).click();
    await expect(page).toHaveURL(/forfattare=/);
    await expect(table.getByRole("cell", { name: /Ny detaljplan/ })).toHaveCount(0);

    await page.goto("/redaktion/texter?status=alla");
    await expect(table).toContainText("Publicerad");
  });

  test("Texter i arbete on the overview includes texts in review", async ({ page }) => {
    await page.goto("/redaktion");
    const working = page.getByRole("region", { name: "Texter i arbete" });
    await expect(working.getByRole("cell", { name: /Tankar inför budgetarbetet/ })).toBeVisible();
    await expect(working.getByRole("cell", { name: /Ny detaljplan/ })).toBeVisible();
  });
});
