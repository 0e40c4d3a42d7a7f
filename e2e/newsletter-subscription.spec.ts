import { expect, test, type Page } from "@playwright/test";
import { ROLE_USERS, storageStatePath } from "./demo-users";
import { EditorPage } from "./pages/editor-page";

// The resident subscribes with a staff member's address: the outbox shows one-time links (confirm,
// unsubscribe) only to a message's own recipient, so that person reads them there as the resident
// would in their inbox. A retry uses another person: the first attempt may have left its address
// confirmed or suppressed, and its links used.
const READERS = ["redaktor", "utgivare"] as const;

/** Opens the newest outbox message to ADDRESS whose subject matches, waiting for the background worker. */
async function openOutboxMessage(page: Page, ADDRESS: string, subject: RegExp) {
  await expect(async () => {
    await page.goto("/redaktion/utkorg");
    const row = page.getByRole("row").filter({ hasText: ADDRESS }).filter({ hasText: subject }).first();
    await expect(row).toBeVisible({ timeout: 1_000 });
    await row.getByRole("link").first().click();
    await expect(page).toHaveURL(/\/redaktion\/utkorg\/[0-9a-f-]{36}$/, { timeout: 5_000 });
  }).toPass({ timeout: 45_000, intervals: [1_000, 2_000, 3_000] });
}

function linkIn(text: string, path: RegExp): string {
  // The text part writes links as "text <url>": the angle brackets are not part of the address.
  const url = text.match(/https?:\/\/[^\s<>"]+/g)?.find((candidate) => URL.canParse(candidate) && path.test(new URL(candidate).pathname));
  if (!url) throw new Error(`No link to ${path} in:\n${text}`);
  return url;
}

test("a resident subscribes, confirms, gets the next issue once and leaves with one click", async ({ browser, request }, testInfo) => {
  test.slow();
  const readerRole = READERS[testInfo.retry % READERS.length]!;
  const ADDRESS = ROLE_USERS[readerRole].email;
  const resident = await browser.newPage();
  const staffContext = await browser.newContext({ storageState: storageStatePath("redaktor") });
  const publisherContext = await browser.newContext({ storageState: storageStatePath("utgivare") });
  const readerContext = await browser.newContext({ storageState: storageStatePath(readerRole) });
  const staff = await staffContext.newPage();
  const inbox = await readerContext.newPage();

  // 1. Subscribe on /prenumerera: double opt-in, so nothing is a subscription yet.
  await resident.goto("/prenumerera");
  await resident.getByRole("main").getByLabel("E-post", { exact: true }).fill(ADDRESS);
  await resident.getByRole("main").getByRole("button", { name: "Prenumerera", exact: true }).click();
  await expect(resident.getByRole("main")).toContainText("bekräfta");

  // 2. Confirm from the link in the mail: the GET page only shows a button; the POST confirms.
  await openOutboxMessage(inbox, ADDRESS, /Bekräfta/);
  const confirmUrl = linkIn(await inbox.locator("pre").first().innerText(), /^\/prenumerera\/bekrafta\//);
  await resident.goto(confirmUrl);
  await resident.getByRole("button", { name: "Bekräfta prenumeration" }).click();
  await expect(resident.getByRole("main")).toContainText(/bekräftad|Tack/i);

  // 3. An issue is made, approved and published.
  await staff.goto("/redaktion/nummer");
  await staff.getByRole("button", { name: "Skapa nummer" }).click();
  await expect(staff).toHaveURL(/\/redaktion\/nummer\/[0-9a-f-]{36}$/);
  const issueUrl = staff.url();
  const [, number, year] = /^Nummer (\d+) (\d{4})$/.exec((await staff.getByRole("heading", { level: 1 }).textContent())!.trim())!;
  const title = "Prenumeranterna får numret";
  await staff.getByLabel("Rubrik").fill(title);
  await staff.getByRole("button", { name: "Lägg till artikel" }).click();
  await staff.getByRole("link", { name: title, exact: true }).click();
  const editor = new EditorPage(staff);
  await editor.focusBody();
  await staff.keyboard.type("Det här numret kommer med e-post till alla som har bekräftat.");
  await editor.expectSaved();
  // The article is sent by its writer before the issue can go.
  const textPanel = staff.getByRole("region", { name: /^Status:/ });
  await textPanel.getByRole("button", { name: "Skicka för granskning" }).click();
  await expect(textPanel.getByRole("heading")).toHaveText("Status: Granskas");
  await staff.goto(issueUrl);

  // The e-mail can be previewed before anything is sent.
  await staff.getByRole("link", { name: "Förhandsgranska e-post" }).click();
  await expect(staff.getByRole("heading", { level: 1, name: "Förhandsgranska e-post" })).toBeVisible();
  await expect(staff.frameLocator('iframe[title="E-postens HTML-del"]').getByText(title)).toBeVisible();
  await staff.goto(issueUrl);
  const workflow = staff.getByRole("region", { name: /^Status:/ });
  await workflow.getByRole("button", { name: "Skicka för granskning" }).click();
  await staff.getByRole("dialog", { name: "Skicka numret för granskning?" }).getByRole("button", { name: "Skicka för granskning" }).click();
  await expect(workflow.getByRole("heading")).toHaveText("Status: Granskas");

  const publisher = await publisherContext.newPage();
  const panel = publisher.getByRole("region", { name: /^Status:/ });
  await publisher.goto(issueUrl);
  await panel.getByRole("button", { name: "Godkänn" }).click();
  await expect(panel.getByRole("heading")).toHaveText("Status: Godkänd");
  await panel.getByRole("button", { name: "Publicera" }).click();
  await publisher.getByRole("dialog").getByRole("button", { name: "Publicera nu" }).click();
  await expect(panel.getByRole("heading")).toHaveText("Status: Publicerad");

  // 4. The issue arrives once, with its web link and the unsubscribe link.
  const subject = new RegExp(`Nyhetsbrev för Exempelby kommun, nummer ${number} ${year}`);
  await openOutboxMessage(inbox, ADDRESS, subject);
  const body = await inbox.locator("pre").first().innerText();
  expect(body).toContain("Det här numret kommer med e-post till alla som har bekräftat.");
  const webUrl = linkIn(body, new RegExp(`^/nyhetsbrev/${year}/${number}$`));
  expect((await request.get(webUrl)).status()).toBe(200);
  await inbox.goto("/redaktion/utkorg");
  await expect(inbox.getByRole("row").filter({ hasText: ADDRESS }).filter({ hasText: subject })).toHaveCount(1);

  // The utgivare follows the send on the issue page.
  await publisher.goto(issueUrl);
  await expect(publisher.getByRole("region", { name: "Utskick" })).toContainText(/Skickade\s*[1-9]/);

  // 5. One click (RFC 8058), as a mail program sends it: no log-in, no page.
  const unsubscribeUrl = linkIn(body, /^\/prenumerera\/avsluta\//);
  const oneClick = await request.post(unsubscribeUrl, { form: { "List-Unsubscribe": "One-Click" } });
  expect(oneClick.ok()).toBe(true);

  // 6. The address is gone from "Prenumeranter".
  await staff.goto("/redaktion/prenumeranter");
  await expect(staff.getByRole("heading", { level: 1, name: "Prenumeranter" })).toBeVisible();
  await staff.getByLabel("E-postadress eller dess början").fill(ADDRESS);
  await staff.getByRole("button", { name: "Sök" }).click();
  await expect(staff).toHaveURL(/q=/);
  await expect(staff.getByRole("table", { name: "Sökträffar" })).toHaveCount(0);

  await Promise.all([staffContext.close(), publisherContext.close(), readerContext.close(), resident.close()]);
});
