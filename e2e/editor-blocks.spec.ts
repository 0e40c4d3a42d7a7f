import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import sharp from "sharp";
import { storageStatePath } from "./demo-users";
import { EditorPage } from "./pages/editor-page";

test.use({ storageState: storageStatePath("skribent") });

async function insertImage(page: Page, editor: EditorPage, alt: string, credit = "") {
  await editor.tool("Bild").click();
  const dialog = page.getByRole("dialog", { name: "Bild" });
  const buffer = await sharp({ create: { width: 600, height: 400, channels: 3, background: "#3a7d5c" } })
    .jpeg()
    .toBuffer();
  await dialog.getByLabel("Bildfil").setInputFiles({ name: "bild.jpg", mimeType: "image/jpeg", buffer });
  await dialog.getByLabel("Alternativtext").fill(alt);
  if (credit) await dialog.getByLabel("Fotograf").fill(credit);
  await dialog.getByRole("button", { name: "Ladda upp och infoga" }).click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
}

async function insertSignature(page: Page, editor: EditorPage) {
  await editor.tool("Signatur").click();
  await page.getByRole("dialog", { name: "Signatur" }).getByRole("button", { name: "Infoga signatur" }).click();
}

/** Centred in the window: Tailwind's reset once put every dialog in the top left corner. */
// Each test inserts and retypes many blocks: past the 30 s test timeout on a busy machine (seen in a
// run beside a CI pass), with no assertion failing.
test.beforeEach(() => {
  test.slow();
});

async function expectCentred(page: Page, dialog: Locator) {
  const box = (await dialog.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(Math.abs(box.x + box.width / 2 - viewport.width / 2)).toBeLessThan(3);
  expect(Math.abs(box.y + box.height / 2 - viewport.height / 2)).toBeLessThan(3);
}

/** WCAG 2.1 A/AA inside the open dialog (the modal one: the page behind it is inert). */
async function expectNoViolationsIn(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).include("dialog[open]").withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    name,
  ).toEqual([]);
}

test("@skribent types on after inserting each block, and every block is still there", async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.createPost("Block efter block");
  await editor.focusBody();
  await page.keyboard.type("Inledning");
  await page.keyboard.press("Enter");

  await insertSignature(page, editor);
  await page.keyboard.type("Efter signaturen");
  await expect(editor.body.locator(".signature")).toHaveCount(1);
  await expect(editor.body.locator(".signature + p")).toHaveText("Efter signaturen");

  // A heading chosen right after inserting once replaced the signature with the heading.
  await page.keyboard.press("Enter");
  await insertSignature(page, editor);
  await editor.tool("Rubrik 2").click();
  await page.keyboard.type("Rubrik efter signaturen");
  await expect(editor.body.locator(".signature")).toHaveCount(2);
  await expect(editor.body.locator(".signature + h2")).toHaveText("Rubrik efter signaturen");
  await page.keyboard.press("Enter");

  await insertImage(page, editor, "Torget i sol");
  await page.keyboard.type("Efter bilden");
  await expect(editor.body.locator("figure img")).toHaveAttribute("alt", "Torget i sol");
  await expect(editor.body.locator("figure + p")).toHaveText("Efter bilden");
  await page.keyboard.press("Enter");

  // Blocks with room for text take the cursor inside: what is typed fills them.
  await editor.tool("Faktaruta").click();
  await page.getByRole("button", { name: "Infoga faktaruta" }).click();
  await page.keyboard.type("Torget kl. 10.00");
  await expect(editor.body.locator(".info-box")).toContainText("Torget kl. 10.00");
  await page.keyboard.press("Control+End");

  await editor.tool("Tabell").click();
  await page.keyboard.type("Dag");
  await expect(editor.body.locator("table th").first()).toHaveText("Dag");
  await page.keyboard.press("Control+End");

  await editor.tool("Fråga och svar").click();
  await page.keyboard.type("Vad händer nu?");
  await expect(editor.body.locator(".qa__question")).toHaveText("Vad händer nu?");

  await editor.expectSaved();
  await page.reload();
  await expect(editor.body.locator(".signature")).toHaveCount(2);
  await expect(editor.body.locator("figure")).toHaveCount(1);
  await expect(editor.body.locator(".info-box")).toHaveCount(1);
  await expect(editor.body.locator("table")).toHaveCount(1);
  await expect(editor.body.locator(".qa")).toHaveCount(1);
  await expect(editor.body).toContainText("Efter signaturen");
  await expect(editor.body).toContainText("Efter bilden");
});

test("@skribent corrects an image's texts, a signature and a fact box's title after inserting them", async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.createPost("Rätta i efterhand");
  await editor.focusBody();
  // Typed with the prefix, as on paper: it is shown once, not as "Foto: Foto: …".
  await insertImage(page, editor, "Fel beskrivning", "Foto: Jonas Berg");
  await expect(editor.body.locator("figcaption")).toHaveText("Foto: Jonas Berg");

  await editor.body.locator("figure img").click();
  const image = page.getByRole("dialog", { name: "Bildens texter" });
  await expect(image.getByRole("textbox", { name: "Alternativtext" })).toHaveValue("Fel beskrivning");
  await expect(image.getByRole("textbox", { name: "Fotograf" })).toHaveValue("Jonas Berg");
  await image.getByRole("textbox", { name: "Alternativtext" }).fill("Torget med nya bänkar");
  await image.getByRole("textbox", { name: "Bildtext" }).fill("Nya Torget.");
  await image.getByRole("textbox", { name: "Fotograf" }).fill("Foto: Eva Ek");
  await image.getByRole("button", { name: "Spara bilden" }).click();
  await expect(editor.body.locator("figure img")).toHaveAttribute("alt", "Torget med nya bänkar");
  await expect(editor.body.locator("figcaption")).toHaveText("Nya Torget. Foto: Eva Ek");
  // The cursor goes on after the image: typing does not replace it.
  await page.keyboard.type("Text efter bilden");
  await expect(editor.body.locator("figure")).toHaveCount(1);

  await page.keyboard.press("Enter");
  await insertSignature(page, editor);
  await editor.body.locator(".signature").click();
  const signature = page.getByRole("dialog", { name: "Ändra signaturen" });
  await signature.getByRole("textbox", { name: "Titel" }).fill("Planarkitekt, Exempelby kommun");
  await signature.getByRole("button", { name: "Spara signaturen" }).click();
  await expect(editor.body.locator(".signature")).toContainText("Planarkitekt, Exempelby kommun");

  await page.keyboard.type("Sista stycket");
  await page.keyboard.press("Home");
  await editor.tool("Faktaruta").click();
  await page.getByRole("button", { name: "Infoga faktaruta" }).click();
  await editor.body.locator(".info-box__title").click();
  const box = page.getByRole("dialog", { name: "Ändra faktarutan" });
  await box.getByRole("textbox", { name: "Rubrik i faktarutan" }).fill("Öppet hus");
  await box.getByRole("button", { name: "Spara faktarutan" }).click();
  await expect(editor.body.locator(".info-box__title")).toHaveText("Öppet hus");
  // From the keyboard: the toolbar button edits the fact box the cursor is in.
  await editor.body.locator(".info-box p").last().click();
  await editor.tool("Faktaruta").click();
  await expect(page.getByRole("dialog", { name: "Ändra faktarutan" }).getByRole("textbox", { name: "Rubrik i faktarutan" })).toHaveValue("Öppet hus");
  await page.keyboard.press("Escape");

  await editor.expectSaved();
  await page.reload();
  await expect(editor.body.locator("figure img")).toHaveAttribute("alt", "Torget med nya bänkar");
  await expect(editor.body.locator(".info-box__title")).toHaveText("Öppet hus");
});

test("@skribent opens every editor dialog: each is centred, its fields are named, and axe finds nothing in it", async ({ page }) => {
  // Eight dialogs, each checked by axe: the whole editor page eight times took past 90 s in a loaded
  // CI pass, so axe reads the open dialog only (the page itself is checked in editor-media.spec.ts).
  test.setTimeout(240_000);
  const editor = new EditorPage(page);
  await editor.createPost("Dialogerna");
  await editor.focusBody();
  await insertImage(page, editor, "En bild");
  await insertSignature(page, editor);
  await page.keyboard.type("Fakta");
  await editor.tool("Faktaruta").click();
  await page.getByRole("button", { name: "Infoga faktaruta" }).click();
  await page.keyboard.press("Control+End");

  const dialogs: { open: () => Promise<unknown>; name: string; fields: string[] }[] = [
    { open: () => editor.tool("Länk").click(), name: "Länk", fields: ["Länkadress"] },
    { open: () => editor.tool("Signatur").click(), name: "Signatur", fields: ["Namn", "Titel"] },
    { open: () => editor.tool("Bild").click(), name: "Bild", fields: ["Alternativtext", "Bildtext", "Fotograf", "Sök bland bilderna"] },
    { open: () => page.getByRole("button", { name: "Välj omslagsbild" }).click(), name: "Omslagsbild", fields: ["Alternativtext"] },
    { open: () => editor.body.locator("figure img").click(), name: "Bildens texter", fields: ["Alternativtext", "Bildtext", "Fotograf"] },
    { open: () => editor.body.locator(".signature").click(), name: "Ändra signaturen", fields: ["Namn", "Titel"] },
    { open: () => editor.body.locator(".info-box__title").click(), name: "Ändra faktarutan", fields: ["Rubrik i faktarutan"] },
  ];
  for (const { open, name, fields } of dialogs) {
    await open();
    const dialog = page.getByRole("dialog", { name });
    await expect(dialog, name).toBeVisible();
    for (const field of fields)
      await expect(dialog.getByRole(field === "Sök bland bilderna" ? "searchbox" : "textbox", { name: field, exact: true }), `${name}: ${field}`).toBeEditable();
    await expectCentred(page, dialog);
    await expectNoViolationsIn(page, name);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
  }

  // The fact-box dialog, from a fresh line: its one field is the title, not the heading.
  await page.keyboard.press("Control+End");
  await editor.tool("Faktaruta").click();
  const factBox = page.getByRole("dialog", { name: "Faktaruta" });
  await expect(factBox.getByRole("textbox", { name: "Rubrik i faktarutan" })).toHaveValue("Datum, tid och plats");
  await expectCentred(page, factBox);
  await expectNoViolationsIn(page, "Faktaruta");
});

test("@skribent answers an interview question with a list and a quote; readers get the question marked up as one", async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.createPost("Intervju om torget");
  await editor.focusBody();
  await editor.tool("Fråga och svar").click();
  await page.keyboard.type("Vad behövs på torget?");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Tre saker:");
  await page.keyboard.press("Enter");
  await editor.tool("Punktlista").click();
  await page.keyboard.type("Bänkar");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Träd");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await editor.tool("Numrerad lista").click();
  await page.keyboard.type("Ritningar först");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await editor.tool("Citat").click();
  await page.keyboard.type("Torget är vårt vardagsrum.");

  const answer = editor.body.locator(".qa__answer");
  await expect(answer.locator("ul > li")).toHaveText(["Bänkar", "Träd"]);
  await expect(answer.locator("ol > li")).toHaveText(["Ritningar först"]);
  await expect(answer.locator("blockquote")).toHaveText("Torget är vårt vardagsrum.");
  await editor.expectSaved();

  await page.getByRole("link", { name: "Förhandsgranska" }).click();
  const interview = page.locator(".rich-text dl.qa");
  await expect(interview.getByRole("term")).toHaveText("Vad behövs på torget?");
  const definition = interview.getByRole("definition");
  await expect(definition.getByRole("listitem")).toHaveText(["Bänkar", "Träd", "Ritningar först"]);
  await expect(definition.locator("blockquote")).toHaveText("Torget är vårt vardagsrum.");
});
