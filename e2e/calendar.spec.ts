import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import ICAL from "ical.js";
import { storageStatePath } from "./demo-users";

/**
 * The redaktör keeps the calendar: adds a weekly event, cancels one occurrence, and residents see it
 * on /kalender and in /kalender.ics. Dates are counted from today in Stockholm, since the server runs
 * on the real clock: the story holds on every day of the year.
 */

const DAY = 86_400_000;
const isoIn = (days: number) =>
  new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(Date.now() + days * DAY));
const swedish = (iso: string) => new Intl.DateTimeFormat("sv-SE", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${iso}T12:00:00Z`));
const plusDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T12:00:00Z`) + days * DAY).toISOString().slice(0, 10);

async function expectNoAxeViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    what,
  ).toEqual([]);
}

test.describe("@redaktor the calendar", () => {
  test.use({ storageState: storageStatePath("redaktor") });

  test("adds a weekly event, cancels one occurrence, and the public calendar and the ICS feed show it", async ({ page, request }) => {
    test.setTimeout(120_000);
    const title = `Språkträff ${Date.now()}`;
    const first = isoIn(10);
    const second = plusDays(first, 7);

    await page.goto("/redaktion/kalender");
    await expect(page.getByRole("heading", { level: 1, name: "Kalender" })).toBeVisible();
    await expectNoAxeViolations(page, "/redaktion/kalender");
    await page.getByRole("link", { name: "Nytt evenemang" }).click();
    await expect(page).toHaveURL("/redaktion/kalender/ny");
    await expectNoAxeViolations(page, "/redaktion/kalender/ny");

    // An end before the start: the Swedish message beside the field, and nothing typed is lost.
    await page.getByLabel("Titel").fill(title);
    await page.getByLabel("Startdatum").fill(first);
    await page.getByLabel("Starttid").fill("18:00");
    await page.getByLabel("Slutdatum").fill(plusDays(first, -1));
    await page.getByLabel("Sluttid").fill("19:30");
    await page.getByLabel("Plats").fill("Kulturhuset, biblioteket");
    await page.getByLabel("Länk").fill("javascript:alert(1)");
    await page.getByRole("button", { name: "Spara" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Rätta fälten" })).toBeVisible();
    await expect(page.getByText("Slutet kan inte vara före starten.")).toBeVisible();
    await expect(page.getByText("Länken måste börja med http:// eller https://.")).toBeVisible();
    await expect(page.getByLabel("Titel")).toHaveValue(title);
    await expect(page.getByLabel("Plats")).toHaveValue("Kulturhuset, biblioteket");
    await expect(page.getByLabel("Slutdatum")).toHaveAttribute("aria-invalid", "true");
    await expectNoAxeViolations(page, "the form with its errors");

    await page.getByLabel("Slutdatum").fill("");
    await page.getByLabel("Länk").fill("https://exempelby.example/sprak");
    await page.getByLabel("Upprepa", { exact: true }).selectOption({ label: "Varje vecka" });
    await page.getByLabel("Antal gånger").check();
    await page.getByLabel("Antal tillfällen").fill("4");
    await page.getByRole("button", { name: "Spara" }).click();
    await expect(page).toHaveURL(/\/redaktion\/kalender\/[0-9a-f-]{36}\?sparat=1$/);
    await expect(page.getByRole("status").filter({ hasText: "Evenemanget är sparat" })).toBeVisible();
    await expect(page.getByText("Varje vecka, 4 gånger").first()).toBeVisible();
    await expectNoAxeViolations(page, "/redaktion/kalender/[id]");

    await page.getByRole("button", { name: `Ställ in tillfället ${swedish(second)}` }).click();
    await expect(page.getByRole("button", { name: `Återställ tillfället ${swedish(second)}` })).toBeVisible();
    await expect(page.getByRole("button", { name: `Ställ in tillfället ${swedish(first)}` })).toBeVisible();

    // The staff list marks it with its rule in words.
    await page.goto("/redaktion/kalender");
    const row = page.getByRole("listitem").filter({ hasText: title });
    await expect(row).toContainText("Varje vecka, 4 gånger");

    // The public calendar: four occurrences, the second one "Inställt".
    const resident = await page.context().browser()!.newPage();
    await resident.goto("/kalender");
    const items = resident.getByRole("listitem").filter({ hasText: title });
    await expect(items).toHaveCount(4);
    await expect(items.filter({ hasText: "Inställt" })).toHaveCount(1);
    await expect(items.filter({ hasText: "Inställt" })).toContainText(swedish(second));
    await resident.close();

    // The feed: the series once with its RRULE, and the cancelled occurrence under its RECURRENCE-ID.
    const response = await request.get("/kalender.ics");
    expect(response.status()).toBe(200);
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
    const mine = calendar.getAllSubcomponents("vevent").filter((c) => String(c.getFirstPropertyValue("summary")).includes(title));
    const master = mine.find((c) => !c.hasProperty("recurrence-id"))!;
    expect(String(master.getFirstPropertyValue("rrule"))).toContain("FREQ=WEEKLY");
    const series = new ICAL.Event(master);
    for (const exception of mine.filter((c) => c.hasProperty("recurrence-id"))) series.relateException(exception);
    const iterator = series.iterator();
    const seen: string[] = [];
    for (let next = iterator.next(); next && seen.length < 10; next = iterator.next()) {
      const details = series.getOccurrenceDetails(next);
      seen.push(`${details.startDate.toString().slice(0, 16)} ${details.item.component.getFirstPropertyValue("status")}`);
    }
    expect(seen).toEqual([`${first}T18:00 CONFIRMED`, `${second}T18:00 CANCELLED`, `${plusDays(first, 14)}T18:00 CONFIRMED`, `${plusDays(first, 21)}T18:00 CONFIRMED`]);
  });

  test("the event form fits a 390 px phone", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/redaktion/kalender/ny");
    await expect(page.getByLabel("Titel")).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test.describe("@skribent the calendar", () => {
  test.use({ storageState: storageStatePath("skribent") });

  test("is not a skribent's", async ({ page }) => {
    const response = await page.goto("/redaktion/kalender/ny");
    expect(response?.status()).toBe(403);
    await expect(page.getByLabel("Titel")).toHaveCount(0);
  });
});
