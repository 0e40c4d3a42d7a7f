import { expect, test } from "@playwright/test";
import { ROLE_USERS, storageStatePath, type DemoRole } from "./demo-users";

test("@staff sees the whole staff menu on one line on a 1280 px wide screen, whatever the role", async ({ browser }) => {
  // Four roles, four contexts: longer than one story when the machine is busy.
  test.slow();
  for (const role of Object.keys(ROLE_USERS) as DemoRole[]) {
    const context = await browser.newContext({ storageState: storageStatePath(role), viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto("/redaktion");
    const items = page.getByRole("navigation", { name: "Redaktionen" }).getByRole("listitem");
    expect(await items.count(), role).toBeGreaterThan(2);
    const boxes = await items.evaluateAll((lis) => lis.map((li) => ({ label: li.textContent ?? "", ...li.getBoundingClientRect().toJSON() })));
    // One line: every item shares the first one's top and height (a label broken in two is taller).
    for (const box of boxes) {
      expect({ role, label: box.label, top: box.top, height: box.height }).toEqual({ role, label: box.label, top: boxes[0]!.top, height: boxes[0]!.height });
    }
    await context.close();
  }
});
