import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { storageStatePath } from "./demo-users";
import { EditorPage } from "./pages/editor-page";
import { LoginPage } from "./pages/login-page";

// Every test makes its own colleagues with addresses of their own: the shared demo users, which
// other specs log in as, are never deactivated or renamed here.
const GOOD_PASSWORD = "Blåbärsskogen i augusti";

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(", ")}`)).toEqual([]);
}

const uniqueEmail = (prefix: string) => `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@exempelby.test`;

async function adminPage(browser: Browser): Promise<Page> {
  return (await browser.newContext({ storageState: storageStatePath("admin") })).newPage();
}

async function anonymousPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

/** "Bjud in" on /redaktion/anvandare; lands on the new person's page. */
async function invite(admin: Page, person: { name: string; email: string; jobTitle: string; role: string }) {
  await admin.goto("/redaktion/anvandare");
  const form = admin.getByRole("form", { name: "Bjud in" });
  await form.getByLabel("Namn").fill(person.name);
  await form.getByLabel("E-postadress").fill(person.email);
  await form.getByLabel("Titel").fill(person.jobTitle);
  await form.getByLabel("Roll").selectOption({ label: person.role });
  await form.getByRole("button", { name: "Skicka inbjudan" }).click();
  await expect(admin).toHaveURL(/\/redaktion\/anvandare\/[0-9a-f-]{36}\?inbjuden=1$/);
  await expect(admin.getByRole("status").filter({ hasText: `Inbjudan är skickad till ${person.email}` })).toBeVisible();
  return admin.url().replace(/\?.*$/, "");
}

/** The newest outbox message to `address` whose subject matches: its text, as the viewer may read it. */
async function outboxText(page: Page, address: string, subject: RegExp): Promise<string> {
  await expect(async () => {
    await page.goto("/redaktion/utkorg");
    const row = page.getByRole("row").filter({ hasText: address }).filter({ hasText: subject }).first();
    await expect(row).toBeVisible({ timeout: 1_000 });
    await row.getByRole("link").first().click();
    await expect(page).toHaveURL(/\/redaktion\/utkorg\/[0-9a-f-]{36}$/, { timeout: 5_000 });
  }).toPass({ timeout: 30_000, intervals: [1_000, 2_000] });
  return page.locator("pre").first().innerText();
}

function choosePasswordLink(text: string): string {
  const url = text.match(/https?:\/\/[^\s<>"]+/g)?.find((candidate) => new URL(candidate).pathname.startsWith("/logga-in/valj-losenord/"));
  if (!url) throw new Error(`No "Välj lösenord" link in:\n${text}`);
  return url;
}

async function choosePassword(page: Page, link: string, password: string) {
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Välj lösenord" })).toBeVisible();
  await page.getByLabel("Nytt lösenord").fill(password);
  await page.getByLabel("Upprepa lösenordet").fill(password);
  await page.getByRole("button", { name: "Spara lösenordet" }).click();
}

async function logIn(page: Page, email: string, password: string) {
  const login = new LoginPage(page);
  await login.goto();
  await login.logIn(email, password);
  await expect(page).toHaveURL(/\/redaktion$/);
}

/** A colleague invited and with a password, logged in on a page of their own. */
async function colleague(browser: Browser, admin: Page, role: string, prefix: string) {
  const person = { name: `Kollega ${prefix}`, email: uniqueEmail(prefix), jobTitle: "Handläggare", role };
  const url = await invite(admin, person);
  const link = choosePasswordLink(await outboxText(admin, person.email, /välj ditt lösenord/));
  const page = await anonymousPage(browser);
  await choosePassword(page, link, GOOD_PASSWORD);
  await expect(page).toHaveURL(/\/logga-in\?losenord=valt$/);
  await logIn(page, person.email, GOOD_PASSWORD);
  return { ...person, url, page };
}

test("@admin invites a colleague, who chooses a password and writes a text", async ({ browser }) => {
  test.slow();
  const admin = await adminPage(browser);
  await admin.goto("/redaktion/anvandare");
  await expect(admin.getByRole("heading", { level: 1, name: "Användare" })).toBeVisible();
  await expectNoAxeViolations(admin);

  const person = { name: "Vera Ventil", email: uniqueEmail("vera"), jobTitle: "Fritidsledare", role: "Skribent" };
  const url = await invite(admin, person);
  await expectNoAxeViolations(admin);
  // An address that already has an account is a Swedish error, with everything typed still there.
  await admin.goto("/redaktion/anvandare");
  const form = admin.getByRole("form", { name: "Bjud in" });
  await form.getByLabel("Namn").fill("Vera Dubbel");
  await form.getByLabel("E-postadress").fill(person.email.toUpperCase());
  await form.getByRole("button", { name: "Skicka inbjudan" }).click();
  await expect(form.getByText("Det finns redan ett konto med den e-postadressen.")).toBeVisible();
  await expect(form.getByLabel("Namn")).toHaveValue("Vera Dubbel");

  await admin.goto("/redaktion/anvandare");
  await expect(admin.getByRole("row").filter({ hasText: person.email })).toContainText("Inbjuden");

  // The admin reads the invitation in the outbox, as they could pass it on by hand.
  const mail = await outboxText(admin, person.email, /välj ditt lösenord/);
  expect(mail).toContain("rollen skribent");
  const link = choosePasswordLink(mail);

  const vera = await anonymousPage(browser);
  await vera.goto(link);
  await expect(vera).toHaveTitle("Välj lösenord");
  await expect(vera.getByRole("heading", { level: 1, name: "Välj lösenord" })).toBeVisible();
  await expectNoAxeViolations(vera);
  const password = vera.getByLabel("Nytt lösenord");
  const repeat = vera.getByLabel("Upprepa lösenordet");
  await password.fill("kort-ord");
  await repeat.fill("kort-ord");
  await vera.getByRole("button", { name: "Spara lösenordet" }).click();
  await expect(vera.getByRole("main").getByRole("alert")).toHaveText("Lösenordet måste ha minst 12 tecken.");
  await expect(password).toHaveValue("kort-ord");
  await expect(repeat).toHaveValue("kort-ord");
  await expectNoAxeViolations(vera);
  await password.fill("password1234");
  await repeat.fill("password1234");
  await vera.getByRole("button", { name: "Spara lösenordet" }).click();
  await expect(vera.getByRole("main").getByRole("alert")).toHaveText("Lösenordet är för vanligt eller lätt att gissa. Välj ett annat.");
  await expect(password).toHaveValue("password1234");
  await password.fill(GOOD_PASSWORD);
  await repeat.fill(GOOD_PASSWORD);
  await vera.getByRole("button", { name: "Spara lösenordet" }).click();
  await expect(vera).toHaveURL(/\/logga-in\?losenord=valt$/);
  await expect(vera.getByRole("status")).toContainText("Ditt lösenord är sparat");

  // The link worked once.
  const again = await anonymousPage(browser);
  await again.goto(link);
  await expect(again.getByRole("main").getByRole("alert")).toContainText("Länken har redan använts");
  await expectNoAxeViolations(again);

  await logIn(vera, person.email, GOOD_PASSWORD);
  const editor = new EditorPage(vera);
  await editor.createPost("Veras första inlägg");
  await editor.focusBody();
  await vera.keyboard.type("Fritidsgården har öppet hus på lördag.");
  await editor.expectSaved();

  await admin.goto(url);
  await expect(admin.getByRole("region", { name: "Konto" })).toContainText("Status: Aktiv");
});

test("@admin deactivates a colleague: their open session ends at its next request", async ({ browser }) => {
  test.slow();
  const admin = await adminPage(browser);
  const dora = await colleague(browser, admin, "Skribent", "dora");
  await dora.page.goto("/redaktion/texter");
  await expect(dora.page.getByRole("heading", { level: 1 })).toBeVisible();

  await admin.goto(dora.url);
  await expectNoAxeViolations(admin);
  // Name, title and role are changed on the same page.
  await admin.getByLabel("Titel").fill("Enhetschef");
  await admin.getByRole("button", { name: "Spara", exact: true }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Ändringarna är sparade." })).toBeVisible();

  await admin.getByRole("button", { name: "Inaktivera" }).click();
  const dialog = admin.getByRole("dialog", { name: `Inaktivera ${dora.name}?` });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(admin);
  await dialog.getByRole("button", { name: "Inaktivera" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "är inaktiverad" })).toBeVisible();
  await expect(admin.getByRole("region", { name: "Konto" })).toContainText("Status: Inaktiv");

  await dora.page.goto("/redaktion/texter");
  await expect(dora.page).toHaveURL(/\/logga-in/);
  const login = new LoginPage(dora.page);
  await login.logIn(dora.email, GOOD_PASSWORD);
  await login.expectError(/Fel e-postadress eller lösenord/);

  await admin.getByRole("button", { name: "Aktivera igen" }).click();
  await expect(admin.getByRole("region", { name: "Konto" })).toContainText("Status: Aktiv");
  await logIn(dora.page, dora.email, GOOD_PASSWORD);
});

test("Glömt lösenordet?: the same answer for any address, and a link that sets a new password once", async ({ browser }) => {
  test.slow();
  const admin = await adminPage(browser);
  // A redaktör reads their own mail in the outbox, as they would in their inbox.
  const gun = await colleague(browser, admin, "Redaktör", "gun");

  const visitor = await anonymousPage(browser);
  await visitor.goto("/logga-in");
  await visitor.getByRole("link", { name: "Glömt lösenordet?" }).click();
  await expect(visitor).toHaveURL(/\/logga-in\/glomt-losenord$/);
  await expect(visitor.getByRole("heading", { level: 1, name: "Glömt lösenordet?" })).toBeVisible();
  await expectNoAxeViolations(visitor);
  await visitor.getByLabel("E-postadress").fill(uniqueEmail("ingen"));
  await visitor.getByRole("button", { name: "Skicka länk" }).click();
  const answer = visitor.getByRole("status");
  await expect(answer).toContainText("Om adressen har ett konto har vi skickat en länk");
  const unknownAnswer = await answer.innerText();

  await visitor.reload();
  await visitor.getByLabel("E-postadress").fill(gun.email);
  await visitor.getByRole("button", { name: "Skicka länk" }).click();
  await expect(visitor.getByRole("status")).toHaveText(unknownAnswer);
  await expectNoAxeViolations(visitor);

  const mail = await outboxText(gun.page, gun.email, /Nytt lösenord/);
  const link = choosePasswordLink(mail);
  const NEW_PASSWORD = "Trädgårdsmästare-42";
  await choosePassword(visitor, link, NEW_PASSWORD);
  await expect(visitor).toHaveURL(/\/logga-in\?losenord=nytt$/);
  // A new password ends the sessions the person had.
  await gun.page.goto("/redaktion");
  await expect(gun.page).toHaveURL(/\/logga-in/);
  await logIn(visitor, gun.email, NEW_PASSWORD);

  const used = await anonymousPage(browser);
  await used.goto(link);
  await expect(used.getByRole("main").getByRole("alert")).toContainText("Länken har redan använts");
  await expect(used.getByRole("link", { name: "Skicka en ny länk" })).toBeVisible();
});
