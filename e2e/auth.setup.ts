import { expect, test as setup } from "@playwright/test";
import { DEMO_PASSWORD, ROLE_USERS, storageStatePath, type DemoRole } from "./demo-users";
import { LoginPage } from "./pages/login-page";

for (const role of Object.keys(ROLE_USERS) as DemoRole[]) {
  setup(`log in as ${role}`, async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.logIn(ROLE_USERS[role].email, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/redaktion$/);
    await page.context().storageState({ path: storageStatePath(role) });
  });
}
