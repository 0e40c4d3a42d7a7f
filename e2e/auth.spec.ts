import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, ROLE_USERS, storageStatePath, type DemoRole } from "./demo-users";
import { LoginPage } from "./pages/login-page";

const INVALID = "Fel e-postadress eller lösenord. Kontrollera uppgifterna och försök igen.";

for (const role of Object.keys(ROLE_USERS) as DemoRole[]) {
  test(`@${role} logs in, sees the staff area for the role, and logs out`, async ({ page }) => {
    const user = ROLE_USERS[role];
    const login = new LoginPage(page);
    await login.goto();
    await login.logIn(user.email, DEMO_PASSWORD);
    await expect(page.getByRole("heading", { level: 1, name: "Översikt" })).toBeVisible();
    await expect(page.getByText(`${user.name} (${user.roleLabel})`)).toBeVisible();

    await page.getByRole("button", { name: "Logga ut" }).click();
    await expect(page).toHaveURL(/\/logga-in/);
    await expect(page.getByText("Du är utloggad.")).toBeVisible();
    await page.goto("/redaktion");
    await expect(page).toHaveURL(/\/logga-in\?till=%2Fredaktion/);
  });
}

test.describe("staff area per role", () => {
  test.use({ storageState: storageStatePath("utgivare") });
  test("@utgivare sees the review queue with the text awaiting review", async ({ page }) => {
    await page.goto("/redaktion");
    const queue = page.getByRole("region", { name: "Att granska" });
    await expect(queue.getByRole("cell", { name: "Tankar inför budgetarbetet" })).toBeVisible();
  });
});

test.describe("staff area per role (skribent)", () => {
  test.use({ storageState: storageStatePath("skribent") });
  test("@skribent sees own texts but no review queue and no user list", async ({ page }) => {
    await page.goto("/redaktion");
    await expect(page.getByRole("region", { name: "Mina texter" }).getByRole("cell", { name: /Ny detaljplan/ })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Att granska" })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Användare" })).toHaveCount(0);
  });
});

test("@resident opening /redaktion is sent to log in, and comes back after logging in", async ({ page }) => {
  await page.goto("/redaktion");
  await expect(page).toHaveURL(/\/logga-in\?till=%2Fredaktion/);
  await expect(page.getByRole("heading", { level: 1, name: "Logga in" })).toBeVisible();
  await new LoginPage(page).logIn(ROLE_USERS.redaktor.email, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/redaktion$/);
});

test("@resident gets the same message for an unknown account and a wrong password", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.logIn("finns-inte@exempelby.test", "fel-losenord");
  await login.expectError(INVALID);
  await expect(page.getByLabel("E-post")).toHaveValue("finns-inte@exempelby.test");

  await login.goto();
  await login.logIn(ROLE_USERS.admin.email, "fel-losenord");
  await login.expectError(INVALID);
});

test("@redaktor a copy of the session cookie kept from before 'Logga ut' does not work after it", async ({ page, context }) => {
  // A log-in of its own: logging out ends this session only, not the stored one other specs use.
  const login = new LoginPage(page);
  await login.goto();
  await login.logIn(ROLE_USERS.redaktor.email, DEMO_PASSWORD);
  await expect(page.getByRole("heading", { level: 1, name: "Översikt" })).toBeVisible();
  const saved = await context.cookies();
  expect(saved.some((c) => c.name.includes("session-token"))).toBe(true);

  await page.getByRole("button", { name: "Logga ut" }).click();
  await expect(page).toHaveURL(/\/logga-in/);
  await context.addCookies(saved);
  await page.goto("/redaktion");
  await expect(page).toHaveURL(/\/logga-in\?till=%2Fredaktion/);
});

test("@resident after many wrong passwords the next attempt has to wait, and the form says for how long", async ({ page }) => {
  const login = new LoginPage(page);
  // An account that does not exist: the wait is the same, and no demo user is delayed for other specs.
  const email = "gissning@exempelby.test";
  for (let i = 0; i < 5; i++) {
    await login.goto();
    await login.logIn(email, `fel-${i}`);
    await login.expectError(INVALID);
  }
  // The first wait is a second and each one doubles, so a slow round trip only needs another try.
  await expect(async () => {
    await login.logIn(email, "fel-igen");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(/^För många misslyckade inloggningsförsök\. Vänta (en sekund|\d+ sekunder) och försök sedan igen\.$/, {
      timeout: 2_000,
    });
  }).toPass({ timeout: 20_000, intervals: [0] });
});

test.describe("logging out sticks", () => {
  test.use({ storageState: storageStatePath("redaktor") });
  // Regression: the proxy used to refresh the session cookie on every staff request, so a link
  // prefetch in flight while "Logga ut" cleared the cookie logged the user straight back in.
  test("@redaktor staff requests never set the session cookie", async ({ page }) => {
    for (const path of ["/redaktion", "/redaktion/texter", "/redaktion/texter/ny"]) {
      const response = await page.request.get(path, { headers: { RSC: "1", "Next-Router-Prefetch": "1" } });
      const cookies = (await response.headersArray()).filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);
      expect(
        cookies.filter((c) => c.includes("session-token")),
        path,
      ).toEqual([]);
    }
  });
});
