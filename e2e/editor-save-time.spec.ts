import { expect, test } from "@playwright/test";
import { storageStatePath } from "./demo-users";
import { EditorPage } from "./pages/editor-page";

// Six hours behind Stockholm: a time read off the browser's own clock cannot pass for Swedish time.
test.use({ storageState: storageStatePath("skribent"), timezoneId: "America/New_York" });

const stockholmClock = (at: number) =>
  new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at).replace(":", ".");

test("@skribent on a computer set to another time zone sees when the text was saved in Swedish time", async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.createPost("Sparad i svensk tid");
  await editor.focusBody();
  const before = Date.now();
  await page.keyboard.type("Ett stycke.");
  await editor.expectSaved();
  const shown = (await editor.status.textContent())!.replace("Sparat kl. ", "");
  const candidates = new Set([stockholmClock(before), stockholmClock(Date.now())]);
  expect([...candidates]).toContain(shown);
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe("America/New_York");
});
