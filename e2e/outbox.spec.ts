import { expect, test } from "@playwright/test";
import { storageStatePath } from "./demo-users";

const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

test.describe("outbox (redaktör)", () => {
  test.use({ storageState: storageStatePath("redaktor") });

  test("@redaktor opens the outbox from the staff menu and reads why mail stays there", async ({ page }) => {
    await page.goto("/redaktion");
    await page.getByRole("navigation", { name: "Redaktionen" }).getByRole("link", { name: "Utkorg" }).click();
    await expect(page).toHaveURL(/\/redaktion\/utkorg$/);
    await expect(page).toHaveTitle(/^Utkorg/);
    await expect(page.getByRole("heading", { level: 1, name: "Utkorg" })).toBeVisible();
    await expect(page.getByText("Utan en inställd e-postserver (SMTP_URL) skickas inga meddelanden")).toBeVisible();
    // Either the table with its Swedish columns or the empty state, depending on what the workflow has queued.
    const table = page.getByRole("table", { name: "Meddelanden, nyaste först" });
    if (await table.isVisible()) {
      for (const column of ["Mottagare", "Ämne", "Typ", "Status", "Skapad"]) {
        await expect(table.getByRole("columnheader", { name: column })).toBeVisible();
      }
    } else {
      await expect(page.getByText("Inga meddelanden ännu.")).toBeVisible();
    }
  });

  test("@redaktor gets the first page for a malformed page number and a 404 for an unknown message", async ({ page }) => {
    const list = await page.goto("/redaktion/utkorg?sida=abc");
    expect(list?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "Utkorg" })).toBeVisible();
    const message = await page.goto(`/redaktion/utkorg/${UNKNOWN_ID}`);
    expect(message?.status()).toBe(404);
  });
});

test.describe("outbox (skribent)", () => {
  test.use({ storageState: storageStatePath("skribent") });

  test("@skribent has no outbox: no menu link, and the Swedish 403 for its pages", async ({ page }) => {
    await page.goto("/redaktion");
    await expect(page.getByRole("navigation", { name: "Redaktionen" }).getByRole("link", { name: "Utkorg" })).toHaveCount(0);
    const list = await page.goto("/redaktion/utkorg");
    expect(list?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Du har inte behörighet till den här sidan" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "Utkorg" })).toHaveCount(0);
    const message = await page.goto(`/redaktion/utkorg/${UNKNOWN_ID}`);
    expect(message?.status()).toBe(403);
  });
});
