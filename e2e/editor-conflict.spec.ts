import { expect, test } from "@playwright/test";
import { storageStatePath } from "./demo-users";
import { EditorPage } from "./pages/editor-page";

test("@redaktor and @skribent editing the same text get the conflict dialog and lose nothing", async ({ browser }) => {
  // Two browsers, three saves, a comparison and a restore: past 30 s on a loaded machine.
  test.slow();
  const writerContext = await browser.newContext({ storageState: storageStatePath("skribent") });
  const editorContext = await browser.newContext({ storageState: storageStatePath("redaktor") });
  const writer = new EditorPage(await writerContext.newPage());
  await writer.createPost("Samma text");
  const url = writer.page.url();

  const other = new EditorPage(await editorContext.newPage());
  await other.page.goto(url);
  await expect(other.body).toBeVisible();

  await writer.focusBody();
  await writer.page.keyboard.type("Skribentens mening.");
  await writer.expectSaved();

  await other.focusBody();
  await other.page.keyboard.type("Redaktörens mening.");
  const dialog = other.page.getByRole("dialog", { name: "Någon annan har ändrat texten" });
  await expect(dialog).toBeVisible({ timeout: 15_000 });
  await dialog.getByRole("button", { name: "Jämför versionerna" }).click();
  // The word-level diff splits the sentence across elements: look at the text, not one element.
  await expect(dialog).toContainText("Skribentens");
  await expect(dialog.locator("del, ins").first()).toBeVisible();
  await dialog.getByRole("button", { name: "Behåll min version" }).click();
  await other.expectSaved();

  await writer.page.reload();
  await expect(writer.body).toContainText("Redaktörens mening.");
  const versions = writer.page.getByRole("region", { name: "Versioner" });
  await versions.getByRole("button", { name: /Versioner/ }).click();
  await expect(versions.getByText(/Version 2,/)).toBeVisible();
  await expect(versions.getByText(/Version 3,/)).toBeVisible();
  await versions.getByRole("button", { name: "Återställ version 2" }).click();
  await expect(writer.body).toContainText("Skribentens mening.");

  await writerContext.close();
  await editorContext.close();
});
