import { expect, test } from "@playwright/test";
import { storageStatePath } from "./demo-users";
import { EditorPage } from "./pages/editor-page";

test.use({ storageState: storageStatePath("skribent") });

test("@skribent writes a post with every kind of block, reloads and finds it intact", async ({ page }) => {
  // Types a whole document key by key: about 15 s on a quiet machine, past 30 s on a loaded one.
  test.slow();
  const editor = new EditorPage(page);
  await editor.createPost("Världens bästa vardag");
  await page.getByLabel("Ingress").fill("En ingress om vardagen.");
  await editor.focusBody();

  await editor.tool("Rubrik 2").click();
  await page.keyboard.type("Mellanrubrik");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Vanlig text med ");
  await page.keyboard.press("Control+b");
  await page.keyboard.type("fetstil");
  await page.keyboard.press("Control+b");
  await page.keyboard.type(" och ");
  await editor.tool("Kursiv").click();
  await page.keyboard.type("kursiv");
  await editor.tool("Kursiv").click();
  await page.keyboard.press("Enter");

  await editor.tool("Punktlista").click();
  await page.keyboard.type("Första punkten");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Andra punkten");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");

  await editor.tool("Numrerad lista").click();
  await page.keyboard.type("Steg ett");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");

  await editor.tool("Citat").click();
  await page.keyboard.type("Ett citat");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");

  await page.keyboard.type("Läs om ");
  await page.keyboard.type("skolan");
  await page.keyboard.press("Shift+Home");
  await editor.tool("Länk").click();
  await page.getByLabel("Länkadress").fill("https://exempelby.example/skola");
  await page.getByRole("button", { name: "Spara länken" }).click();
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");

  await editor.tool("Faktaruta").click();
  await page.getByRole("button", { name: "Infoga faktaruta" }).click();
  await page.keyboard.type("Torget kl. 10.00");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");

  await editor.tool("Fråga och svar").click();
  await page.keyboard.type("Vad händer nu?");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Vi börjar bygga.");
  await page.keyboard.press("Control+End");
  await editor.tool("Tabell").click();
  await page.keyboard.type("Dag");
  await page.keyboard.press("Control+End");
  await editor.tool("Signatur").click();
  await page.getByRole("button", { name: "Infoga signatur" }).click();

  await editor.expectSaved();
  await page.reload();
  const body = editor.body;
  await expect(body.locator("h2", { hasText: "Mellanrubrik" })).toBeVisible();
  await expect(body.locator("strong", { hasText: "fetstil" })).toBeVisible();
  await expect(body.locator("em", { hasText: "kursiv" })).toBeVisible();
  await expect(body.locator("ul li")).toHaveCount(2);
  await expect(body.locator("ol li")).toHaveCount(1);
  await expect(body.locator("blockquote", { hasText: "Ett citat" })).toBeVisible();
  await expect(body.locator('a[href="https://exempelby.example/skola"]')).toBeVisible();
  await expect(body.locator(".info-box", { hasText: "Torget kl. 10.00" })).toBeVisible();
  await expect(body.locator(".qa .qa__question")).toHaveText("Vad händer nu?");
  await expect(body.locator(".qa .qa__answer")).toHaveText("Vi börjar bygga.");
  await expect(body.locator("table th").first()).toHaveText("Dag");
  await expect(body.locator(".signature", { hasText: "Sara Lind" })).toBeVisible();
  await expect(page.getByLabel("Ingress")).toHaveValue("En ingress om vardagen.");
  await expect(page.getByLabel("Adress", { exact: true })).toHaveValue("varldens-basta-vardag");

  await page.getByRole("link", { name: "Förhandsgranska" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Världens bästa vardag" })).toBeVisible();
  await expect(page.locator(".rich-text .info-box")).toBeVisible();
});

test("@skribent sees LIX and the accessibility checks while writing", async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.createPost("Skrivhjälp");
  await editor.focusBody();
  await page.keyboard.type("Korta ord här. Men sedan kommer betydligt längre formuleringar.");
  const help = page.getByRole("region", { name: "Skrivhjälp" });
  await expect(help.getByText("LIX")).toBeVisible();
  await page.keyboard.press("Enter");
  await page.keyboard.type("klicka här");
  await page.keyboard.press("Shift+Home");
  await editor.tool("Länk").click();
  await page.getByLabel("Länkadress").fill("https://exempelby.example");
  await page.getByRole("button", { name: "Spara länken" }).click();
  await expect(help.getByText(/länktext/i)).toBeVisible();
});

test("@skribent is told when a link is not allowed, and keeps what was typed", async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.createPost("Farlig länk");
  await editor.focusBody();
  await page.keyboard.type("text");
  await page.keyboard.press("Shift+Home");
  await editor.tool("Länk").click();
  await page.getByLabel("Länkadress").fill("javascript:alert(1)");
  await page.getByRole("button", { name: "Spara länken" }).click();
  await expect(page.getByRole("dialog").getByRole("alert")).toContainText("Länken måste börja med https://");
  await expect(page.getByLabel("Länkadress")).toHaveValue("javascript:alert(1)");
});

test("@skribent keeps typing through a network failure: the save is retried", async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.createPost("Nätverksfel");
  await editor.focusBody();
  await page.route("**/api/texter/*", (route) => route.abort("internetdisconnected"));
  await page.keyboard.type("Skrivet utan nät.");
  await expect(editor.status).toHaveText("Kunde inte spara – försöker igen", { timeout: 15_000 });
  await page.unroute("**/api/texter/*");
  await editor.expectSaved();
  await page.reload();
  await expect(editor.body).toContainText("Skrivet utan nät.");
});

test("@skribent inserts blocks from the / menu with the keyboard alone", async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.createPost("Snedstreck");
  await editor.focusBody();
  await page.keyboard.type("/rub");
  const menu = page.getByRole("listbox", { name: "Infoga block" });
  await expect(menu.getByRole("option")).toHaveText(["Rubrik 2", "Rubrik 3", "Rubrik 4"]);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await page.keyboard.type("En mellanrubrik");
  await expect(editor.body.locator("h3", { hasText: "En mellanrubrik" })).toBeVisible();
  await expect(menu).toHaveCount(0);

  await page.keyboard.press("Enter");
  await page.keyboard.type("/fakta");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog", { name: "Faktaruta" })).toBeVisible();
  await page.getByRole("button", { name: "Infoga faktaruta" }).click();
  await expect(editor.body.locator(".info-box")).toBeVisible();
});
