import { expect, test } from "@playwright/test";

test("@resident sees a dated Rättelse at the end of a corrected post", async ({ page }) => {
  await page.goto("/blogg/kommunchefen/elevrad-vattentryck-och-ett-stort-tack");
  const section = page.getByRole("region", { name: "Rättelser" });
  await expect(section.getByRole("heading", { level: 2, name: "Rättelser" })).toBeVisible();
  await expect(section.getByRole("listitem")).toHaveCount(1);
  await expect(section.getByRole("listitem")).toContainText(/^Rättelse \d{1,2} [a-zåäö]+ \d{4}: I en tidigare version/);
  await expect(section.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);
});

test("@resident sees no Rättelser section on a post without corrections", async ({ page }) => {
  await page.goto("/blogg/kommunchefen/en-kvall-med-nattpersonalen-pa-solgarden");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("region", { name: "Rättelser" })).toHaveCount(0);
});
