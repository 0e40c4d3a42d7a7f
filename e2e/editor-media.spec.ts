import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { storageStatePath } from "./demo-users";
import { EditorPage } from "./pages/editor-page";

test.use({ storageState: storageStatePath("redaktor") });

async function photo() {
  return sharp({ create: { width: 1200, height: 800, channels: 3, background: "#3a7d5c" } })
    .jpeg()
    .toBuffer();
}

test("@redaktor uploads an image with alt text, caption and credit, and it survives a reload", async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.createPost("Bild från Torget");
  await editor.focusBody();
  await page.keyboard.type("Torget en solig dag.");
  await page.keyboard.press("Enter");
  await editor.tool("Bild").click();
  const dialog = page.getByRole("dialog", { name: "Bild" });
  await dialog.getByLabel("Bildfil").setInputFiles({ name: "torget.jpg", mimeType: "image/jpeg", buffer: await photo() });

  // Alt text is required: the upload is refused with a reason, and the chosen file stays chosen.
  await dialog.getByRole("button", { name: "Ladda upp och infoga" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Skriv en alternativtext som beskriver bilden.");

  await dialog.getByLabel("Alternativtext").fill("Torget med nya bänkar och träd");
  await dialog.getByLabel("Bildtext").fill("Nya Torget tar form.");
  await dialog.getByLabel("Fotograf").fill("Jonas Berg");
  await dialog.getByRole("button", { name: "Ladda upp och infoga" }).click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });

  const image = editor.body.locator("figure img");
  await expect(image).toHaveAttribute("alt", "Torget med nya bänkar och träd");
  await expect(image).toHaveAttribute("src", /^\/media\/[0-9a-f-]{36}\/960\.webp$/);
  await expect(editor.body.locator("figcaption")).toContainText("Foto: Jonas Berg");
  await editor.expectSaved();

  await page.reload();
  await expect(editor.body.locator("figure img")).toHaveAttribute("alt", "Torget med nya bänkar och träd");
  const loaded = await editor.body.locator("figure img").evaluate(async (img: HTMLImageElement) => {
    await img.decode().catch(() => undefined);
    return img.naturalWidth;
  });
  expect(loaded).toBeGreaterThan(0);

  // The same image, reused from the media library as the text's cover.
  await page.getByRole("button", { name: "Välj omslagsbild" }).click();
  const coverDialog = page.getByRole("dialog", { name: "Omslagsbild" });
  await coverDialog
    .getByRole("button", { name: /Torget med nya bänkar och träd/ })
    .first()
    .click();
  await expect(page.getByRole("complementary", { name: "Om texten" }).getByRole("img", { name: "Torget med nya bänkar och träd" })).toBeVisible();
  await editor.expectSaved();
  await page.getByRole("link", { name: "Förhandsgranska" }).click();
  await expect(page.locator("article > figure img")).toHaveAttribute("alt", "Torget med nya bänkar och träd");
});

test("@redaktor is told that a file that is not an image cannot be used", async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.createPost("Fel fil");
  await editor.focusBody();
  await editor.tool("Bild").click();
  const dialog = page.getByRole("dialog", { name: "Bild" });
  await dialog.getByLabel("Bildfil").setInputFiles({ name: "bild.jpg", mimeType: "image/jpeg", buffer: Buffer.from("<svg onload=alert(1)></svg>") });
  await dialog.getByLabel("Alternativtext").fill("Något");
  await dialog.getByRole("button", { name: "Ladda upp och infoga" }).click();
  await expect(dialog.getByRole("alert")).toContainText("Filen är ingen bild som går att använda");
  await expect(dialog.getByLabel("Alternativtext")).toHaveValue("Något");
});

test("@redaktor the editor page has no WCAG 2.1 A/AA violations and every tool is reachable by keyboard", async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.createPost("Tillgänglig editor");
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  await page.getByLabel("Ingress").focus();
  await page.keyboard.press("Tab");
  await expect(editor.tool("Ångra"))
    .toBeFocused({ timeout: 2000 })
    .catch(async () => {
      // Disabled buttons are skipped: the first enabled tool takes focus.
      await expect(editor.tool("Fetstil")).toBeFocused();
    });
  const focusedOutline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(focusedOutline).not.toBe("none");
});

test("@redaktor adds a colleague and a guest writer as authors; the byline names all three, also in a signed text", async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.createPost("Tre röster om trygghet");
  const panel = page.getByRole("region", { name: "Författare" });
  await expect(panel.getByRole("listitem")).toHaveText(["Jonas Berg, Informatör"]);
  await expect(panel.getByText("Under rubriken står: Av Jonas Berg, informatör")).toBeVisible();
  // Choosing a colleague adds them: one step.
  await panel.getByLabel("Lägg till författare").selectOption({ label: "Sara Lind, Planarkitekt" });
  await expect(panel.getByRole("listitem")).toHaveCount(2);
  await panel.getByLabel("Lägg till författare").selectOption({ label: "Någon utan konto …" });
  await panel.getByLabel("Namn").fill("Lena Ek");
  await panel.getByLabel("Titel").fill("Rektor");
  await panel.getByRole("button", { name: "Lägg till" }).click();
  await expect(panel.getByRole("listitem")).toHaveCount(3);
  await expect(panel.getByText("Under rubriken står: Av Jonas Berg, informatör; Sara Lind, planarkitekt och Lena Ek, rektor")).toBeVisible();

  await page.reload();
  await expect(page.getByRole("region", { name: "Författare" }).getByRole("listitem")).toHaveCount(3);
  // A signature in the text once made the byline disappear.
  await editor.focusBody();
  await editor.tool("Signatur").click();
  await page.getByRole("button", { name: "Infoga signatur" }).click();
  await editor.expectSaved();
  await page.getByRole("link", { name: "Förhandsgranska" }).click();
  await expect(page.locator(".rich-text .signature")).toBeVisible();
  await expect(page.getByText("Av Jonas Berg, informatör; Sara Lind, planarkitekt och Lena Ek, rektor")).toBeVisible();
});
