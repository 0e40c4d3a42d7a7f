import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { storageStatePath } from "./demo-users";
import { EditorPage } from "./pages/editor-page";

const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const FORBIDDEN_HEADING = "Du har inte behörighet till den här sidan";

const banner = (page: Page) => page.getByRole("note", { name: "Förhandsgranskning" });
const articleStates = (page: Page) => banner(page).getByRole("navigation", { name: "Artiklarnas läge" }).getByRole("listitem");
/** The issue as readers get it: the shared IssueBody under the staff banner. */
const issueBody = (page: Page) => page.locator("main article[aria-labelledby='nummer']");

/** Writes an article of the issue and sends it for review, from the issue page; back on it after. */
async function writeAndSubmit(page: Page, issueUrl: string, title: string, text: string) {
  const editor = new EditorPage(page);
  await page.getByRole("link", { name: title, exact: true }).click();
  await editor.focusBody();
  await page.keyboard.type(text);
  await editor.expectSaved();
  const panel = page.getByRole("region", { name: /^Status:/ });
  await panel.getByRole("button", { name: "Skicka för granskning" }).click();
  await expect(panel.getByRole("heading")).toHaveText("Status: Granskas");
  await page.goto(issueUrl);
}

test("the kommunchef previews the whole issue as readers will see it before approving", async ({ browser }) => {
  test.slow();
  const editorContext = await browser.newContext({ storageState: storageStatePath("redaktor") });
  const chiefContext = await browser.newContext({ storageState: storageStatePath("utgivare") });
  const page = await editorContext.newPage();

  // The redaktör assembles an issue: one article written and sent, one not begun.
  await page.goto("/redaktion/nummer");
  await page.getByRole("button", { name: "Skapa nummer" }).click();
  await expect(page).toHaveURL(/\/redaktion\/nummer\/[0-9a-f-]{36}$/);
  const issueUrl = page.url();
  const [, number, year] = /^Nummer (\d+) (\d{4})$/.exec((await page.getByRole("heading", { level: 1 }).textContent())!.trim())!;
  const titles = ["Plogningen i byarna i vinter", "Biblioteket får nya öppettider"];
  const texts = ["Plogbilarna börjar klockan fyra när det snöat mer än fem centimeter.", "Från januari har biblioteket öppet till klockan sju på torsdagar."];
  for (const title of titles) {
    await page.getByLabel("Rubrik").fill(title);
    await page.getByRole("button", { name: "Lägg till artikel" }).click();
    await expect(page.getByRole("link", { name: title, exact: true })).toBeVisible();
  }
  await writeAndSubmit(page, issueUrl, titles[0]!, texts[0]!);

  // The kommunchef opens the preview from the issue page while the issue is still being made.
  const chief = await chiefContext.newPage();
  await chief.goto(issueUrl);
  await chief.getByRole("link", { name: "Förhandsgranska numret" }).click();
  await expect(chief).toHaveURL(`${issueUrl}/forhandsgranska`);
  // Unpublished words: never stored by a shared cache, never indexed. (The link navigated in the
  // browser; a reload fetches the page itself, with its headers.)
  const response = (await chief.reload())!;
  expect(response.headers()["cache-control"]).toMatch(/private/);
  expect(response.headers()["cache-control"]).toMatch(/no-store/);
  expect(response.headers()["cache-control"]).not.toMatch(/public|s-maxage/);
  await expect(chief.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(chief.locator('meta[name="referrer"]')).toHaveAttribute("content", "no-referrer");

  await expect(banner(chief)).toContainText(`Förhandsgranskning – så här ser nummer ${number} ${year} ut för läsarna om det publiceras nu. Numret är inte publicerat.`);
  await expect(banner(chief)).toContainText("1 artikel är inte klar");
  await expect(articleStates(chief)).toHaveText([`${titles[0]} – Granskas`, `${titles[1]} – Utkast, Ingen text än`]);
  // The issue itself, as the public page draws it: header, contents, articles in order with their words.
  const body = issueBody(chief);
  await expect(body.getByRole("heading", { level: 1 })).toHaveText(`Nummer ${number} ${year}`);
  await expect(body.getByRole("navigation", { name: "I det här numret" }).getByRole("link")).toHaveText(titles);
  await expect(body.getByRole("heading", { level: 2 }).filter({ hasText: /Plogningen|Biblioteket/ })).toHaveText(titles);
  await expect(body).toContainText(texts[0]!);
  await expect(body.getByRole("region", { name: "Om nyhetsbrevet" })).toContainText("Ansvarig utgivare");
  // No link out of the preview leads to a public page of the unpublished issue.
  const hrefs = await chief.locator("main a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  expect(hrefs.filter((href) => href.startsWith("/nyhetsbrev/"))).toEqual([]);
  await expect(body.getByRole("heading", { level: 2, name: titles[0] }).getByRole("link")).toHaveAttribute("href", /^\/redaktion\/texter\/[0-9a-f-]{36}\/forhandsgranska$/);

  const axe = await new AxeBuilder({ page: chief }).withTags(WCAG_21_AA).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  // The e-mail edition is one link away.
  await banner(chief).getByRole("link", { name: "Förhandsgranska e-post" }).click();
  await expect(chief.getByRole("heading", { level: 1, name: "Förhandsgranska e-post" })).toBeVisible();
  await expect(chief.frameLocator('iframe[title="E-postens HTML-del"]').getByRole("heading", { name: titles[0] })).toBeVisible();

  // The second article is written and the issue sent for approval.
  await writeAndSubmit(page, issueUrl, titles[1]!, texts[1]!);
  const workflow = page.getByRole("region", { name: /^Status:/ });
  await workflow.getByRole("button", { name: "Skicka för granskning" }).click();
  await page.getByRole("dialog", { name: "Skicka numret för granskning?" }).getByRole("button", { name: "Skicka för granskning" }).click();
  await expect(workflow.getByRole("heading")).toHaveText("Status: Granskas");

  // Beside "Godkänn", the kommunchef reads the whole issue first, then goes back and approves it.
  await chief.goto(issueUrl);
  const panel = chief.getByRole("region", { name: /^Status:/ });
  await panel.getByRole("link", { name: "Förhandsgranska numret" }).click();
  await expect(banner(chief)).toContainText("Numret är inte publicerat.");
  await expect(banner(chief)).not.toContainText("inte klar");
  await expect(articleStates(chief)).toHaveText([`${titles[0]} – Granskas`, `${titles[1]} – Granskas`]);
  await expect(issueBody(chief)).toContainText(texts[0]!);
  await expect(issueBody(chief)).toContainText(texts[1]!);
  await banner(chief).getByRole("link", { name: "← Tillbaka till numret" }).click();
  await expect(chief).toHaveURL(issueUrl);
  await panel.getByRole("button", { name: "Godkänn" }).click();
  await expect(panel.getByRole("heading")).toHaveText("Status: Godkänd");

  await Promise.all([editorContext.close(), chiefContext.close()]);
});

test("a skribent is refused the whole-issue preview, and an unknown issue is not found", async ({ browser }) => {
  const chiefContext = await browser.newContext({ storageState: storageStatePath("utgivare") });
  const writerContext = await browser.newContext({ storageState: storageStatePath("skribent") });
  const chief = await chiefContext.newPage();
  await chief.goto("/redaktion/nummer");
  const issuePath = (await chief
    .getByRole("link", { name: /^Nummer \d+ \d{4}/ })
    .first()
    .getAttribute("href"))!;
  expect(issuePath).toMatch(/^\/redaktion\/nummer\/[0-9a-f-]{36}$/);

  const writer = await writerContext.newPage();
  const refused = await writer.goto(`${issuePath}/forhandsgranska`);
  expect(refused?.status()).toBe(403);
  await expect(writer.getByRole("heading", { level: 1 })).toHaveText(FORBIDDEN_HEADING);
  await expect(writer.getByRole("note", { name: "Förhandsgranskning" })).toHaveCount(0);

  expect((await chief.goto(`${issuePath}/forhandsgranska`))?.status()).toBe(200);
  expect((await chief.goto("/redaktion/nummer/inte-ett-nummer/forhandsgranska"))?.status()).toBe(404);
  expect((await chief.goto("/redaktion/nummer/00000000-0000-4000-8000-000000000000/forhandsgranska"))?.status()).toBe(404);

  await Promise.all([chiefContext.close(), writerContext.close()]);
});
