import { expect, test, type APIRequestContext } from "@playwright/test";
import ICAL from "ical.js";
import Parser from "rss-parser";
import sharp from "sharp";
import { storageStatePath } from "./demo-users";
import { EditorPage } from "./pages/editor-page";
import { readSitemap } from "./sitemap";

// Feeds, calendar, sitemap, robots, share metadata and print: what readers' tools see of the site.

const parser = new Parser();
const HIDDEN_SLUGS = ["tankar-infor-budgetarbetet", "ny-detaljplan-norrbacken"];
const HIDDEN_TITLES = ["Tankar inför budgetarbetet", "Utkast: Ny detaljplan för Norrbäckens strand"];

async function fetchFeed(request: APIRequestContext, path: string) {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/rss+xml; charset=utf-8");
  const xml = await response.text();
  for (const title of HIDDEN_TITLES) expect(xml).not.toContain(title);
  return parser.parseString(xml);
}

/** Every link is absolute, on this site, and opens a page. */
async function expectLinksResolve(request: APIRequestContext, baseURL: string, links: (string | undefined)[]) {
  for (const link of links) {
    expect(link?.startsWith(`${baseURL}/`), link).toBe(true);
    expect((await request.get(link!)).status(), link).toBe(200);
  }
}

test("the RSS feeds parse, carry the published texts with absolute links that open, and nothing unpublished", async ({ request, baseURL }) => {
  const all = await fetchFeed(request, "/feed.xml");
  const newsletter = await fetchFeed(request, "/nyhetsbrev/feed.xml");
  const blog = await fetchFeed(request, "/blogg/kommunchefen/feed.xml");

  expect(newsletter.items.length).toBeGreaterThanOrEqual(2);
  for (const item of newsletter.items) {
    expect(item.title).toMatch(/^Nyhetsbrev för Exempelby kommun, nummer \d+ \d{4}/);
    expect(item.link).toMatch(/\/nyhetsbrev\/\d{4}\/\d+$/);
    expect(item.contentSnippet).toMatch(/^I det här numret: /);
    expect(item.creator).toBeTruthy();
    expect(item["content:encoded"]).toContain("<h2>");
  }
  expect(blog.title).toBe("Kommunchefens blogg");
  expect(blog.items.length).toBeGreaterThanOrEqual(2);
  for (const item of blog.items) {
    expect(item.title).toBeTruthy();
    expect(item.link).toMatch(/\/blogg\/kommunchefen\/[a-z0-9-]+$/);
    expect(item.guid).toMatch(/^urn:uuid:/);
    expect(new Date(item.pubDate!).getTime()).toBeLessThanOrEqual(Date.now());
  }
  // The combined feed has both kinds, newest first.
  const allLinks = all.items.map((item) => item.link);
  expect(allLinks).toEqual(expect.arrayContaining([...newsletter.items.map((i) => i.link), ...blog.items.slice(0, 3).map((i) => i.link)]));
  const dates = all.items.map((item) => new Date(item.pubDate!).getTime());
  expect(dates).toEqual([...dates].sort((a, b) => b - a));

  await expectLinksResolve(request, baseURL!, [...new Set(allLinks)]);
  for (const slug of HIDDEN_SLUGS) expect(allLinks.join(" ")).not.toContain(slug);

  expect((await request.get("/blogg/finns-inte/feed.xml")).status()).toBe(404);
});

test("the iCalendar feed parses: events in Stockholm time, a cancelled one marked cancelled", async ({ request, baseURL }) => {
  const response = await request.get("/kalender.ics");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  const calendar = new ICAL.Component(ICAL.parse(await response.text()));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents("vevent").map((component) => new ICAL.Event(component));
  expect(events.length).toBeGreaterThan(5);
  const host = new URL(baseURL!).hostname;
  for (const event of events) expect(event.uid).toMatch(new RegExp(`^[0-9a-f-]{36}@${host.replaceAll(".", "\\.")}$`));

  const cancelled = events.find((event) => event.summary.includes("bedrägeriförsök"))!;
  expect(cancelled.summary).toBe("Inställt: Föreläsning: Så känner du igen bedrägeriförsök");
  expect(cancelled.component.getFirstPropertyValue("status")).toBe("CANCELLED");
  expect(events.find((event) => event.summary === "Loppis på Torget")!.component.getFirstPropertyValue("status")).toBe("CONFIRMED");

  // Seeded at 18:00 Stockholm time: 17:00Z in winter, 16:00Z in summer.
  const meetings = events.filter((event) => event.summary === "Kommunfullmäktige sammanträder");
  expect(meetings.length).toBeGreaterThan(0);
  for (const meeting of meetings) {
    expect(meeting.startDate.zone?.tzid).toBe("Europe/Stockholm");
    expect(meeting.location).toBe("Kulturhuset, Stora salen");
    const utc = meeting.startDate.toJSDate();
    const offset = new Intl.DateTimeFormat("en", { timeZone: "Europe/Stockholm", timeZoneName: "shortOffset" }).formatToParts(utc).find((p) => p.type === "timeZoneName")!.value;
    expect(utc.getUTCHours()).toBe(offset === "GMT+2" ? 16 : 17);
    expect(utc.getUTCMinutes()).toBe(0);
  }
});

test("sitemap.xml names the published issues and posts, absolutely, and no draft; robots.txt keeps out of /redaktion", async ({ request, baseURL }) => {
  const { indexXml, files, locs } = await readSitemap(request);
  // An index of the fixed pages' file and one file per year of texts.
  expect(files.map((file) => file.loc)).toContain(`${baseURL}/sitemaps/sidor.xml`);
  expect(files.some((file) => /\/sitemaps\/\d{4}\.xml$/.test(file.loc))).toBe(true);
  expect(indexXml).toMatch(/<lastmod>\d{4}-\d\d-\d\dT/);
  const xml = files.map((file) => file.xml).join("\n");
  expect(locs.every((loc) => loc.startsWith(`${baseURL}/`))).toBe(true);
  expect(new Set(locs).size).toBe(locs.length);
  expect((await request.get("/sitemaps/1999.xml")).status()).toBe(404);
  expect((await request.get("/sitemaps/annat.xml")).status()).toBe(404);
  const newsletter = await fetchFeed(request, "/nyhetsbrev/feed.xml");
  const blog = await fetchFeed(request, "/blogg/kommunchefen/feed.xml");
  expect(locs).toEqual(
    expect.arrayContaining([
      `${baseURL}/`,
      `${baseURL}/nyhetsbrev`,
      `${baseURL}/tillganglighet`,
      `${baseURL}/blogg`,
      `${baseURL}/blogg/kommunchefen`,
      `${baseURL}/blogg/medarbetarbloggen`,
    ]),
  );
  expect(locs).toEqual(expect.arrayContaining([...newsletter.items, ...blog.items].map((item) => item.link)));
  expect(locs.some((loc) => /\/nyhetsbrev\/\d{4}\/\d+\/[a-z0-9-]+$/.test(loc))).toBe(true);
  for (const slug of HIDDEN_SLUGS) expect(xml).not.toContain(slug);
  expect(xml).toMatch(/<lastmod>\d{4}-\d\d-\d\dT/);

  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toMatch(/^Disallow: \/redaktion$/m);
  expect(robots).toMatch(/^Disallow: \/api$/m);
  expect(robots).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
});

test("a post with a cover image shares it: Open Graph, Twitter card, canonical URL and the blog's RSS link", async ({ browser, baseURL }) => {
  test.slow();
  const context = await browser.newContext({ storageState: storageStatePath("utgivare") });
  const page = await context.newPage();
  const alt = `Badhuset i kvällsljus ${Date.now()}`;
  const title = `Badhuset öppnar ${Date.now()}`;
  const editor = new EditorPage(page);
  await editor.createPost(title);
  await editor.focusBody();
  await page.keyboard.type("Det nya badhuset öppnar på lördag med fri entré hela dagen.");
  await editor.expectSaved();
  await page.getByRole("button", { name: "Välj omslagsbild" }).click();
  const dialog = page.getByRole("dialog", { name: "Omslagsbild" });
  const photo = await sharp({ create: { width: 1800, height: 1000, channels: 3, background: "#2a6f97" } })
    .jpeg()
    .toBuffer();
  await dialog.getByLabel("Bildfil").setInputFiles({ name: "badhus.jpg", mimeType: "image/jpeg", buffer: photo });
  await dialog.getByLabel("Alternativtext").fill(alt);
  await dialog.getByRole("button", { name: "Ladda upp och infoga" }).click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
  await expect(page.getByRole("complementary", { name: "Om texten" }).getByRole("img", { name: alt })).toBeVisible();
  await editor.expectSaved();
  const workflow = page.getByRole("region", { name: /^Status:/ });
  await workflow.getByRole("button", { name: "Skicka för granskning" }).click();
  await expect(workflow.getByRole("heading")).toHaveText("Status: Granskas");
  // The utgivare approves on the review page, as with anyone's text.
  await page.goto(`${new URL(page.url()).pathname}/granska`);
  await workflow.getByRole("button", { name: "Godkänn" }).click();
  await expect(workflow.getByRole("heading")).toHaveText("Status: Godkänd");
  await workflow.getByRole("button", { name: "Publicera" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Publicera nu" }).click();
  await expect(workflow.getByRole("heading")).toHaveText("Status: Publicerad");

  const resident = await browser.newPage();
  await resident.goto("/blogg/kommunchefen");
  await resident.getByRole("link", { name: title }).click();
  await expect(resident.getByRole("heading", { level: 1 })).toHaveText(title);
  const meta = (selector: string) => resident.locator(selector).first().getAttribute("content");
  const url = resident.url();
  expect(await resident.locator('link[rel="canonical"]').getAttribute("href")).toBe(url);
  expect(await meta('meta[property="og:title"]')).toBe(title);
  expect(await meta('meta[property="og:type"]')).toBe("article");
  expect(await meta('meta[property="og:url"]')).toBe(url);
  expect(await meta('meta[property="og:locale"]')).toBe("sv_SE");
  expect(await meta('meta[property="og:site_name"]')).toBe("Exempelby kommun");
  expect(await meta('meta[property="article:published_time"]')).toMatch(/^\d{4}-\d\d-\d\dT/);
  const image = await meta('meta[property="og:image"]');
  expect(image).toMatch(new RegExp(`^${baseURL}/media/[0-9a-f-]{36}/1600\\.webp$`));
  expect(await meta('meta[property="og:image:alt"]')).toBe(alt);
  expect(await meta('meta[name="twitter:card"]')).toBe("summary_large_image");
  expect(await meta('meta[name="twitter:image"]')).toBe(image);
  const picture = await resident.request.get(image!);
  expect(picture.status()).toBe(200);
  expect(picture.headers()["content-type"]).toBe("image/webp");
  const feeds = await resident.locator('link[rel="alternate"][type="application/rss+xml"]').evaluateAll((links) => links.map((l) => l.getAttribute("href")));
  expect(feeds).toEqual(expect.arrayContaining([`${baseURL}/feed.xml`, `${baseURL}/blogg/kommunchefen/feed.xml`]));

  // The new post is in its blog's feed and the sitemap at once: publishing revalidated them.
  const blog = await fetchFeed(resident.request, "/blogg/kommunchefen/feed.xml");
  expect(blog.items[0]!.title).toBe(title);
  expect(blog.items[0]!["content:encoded"]).toContain(`alt="${alt}"`);
  expect((await readSitemap(resident.request)).locs).toContain(url);
  await Promise.all([context.close(), resident.close()]);
});

test("every public page type has its canonical URL and Open Graph tags", async ({ page, request, baseURL }) => {
  const newsletter = await fetchFeed(request, "/nyhetsbrev/feed.xml");
  const issue = new URL(newsletter.items[0]!.link!).pathname;
  for (const path of ["/", "/nyhetsbrev", issue, "/blogg", "/blogg/kommunchefen", "/tillganglighet"]) {
    await page.goto(path);
    // Next writes the home page's canonical URL without the trailing slash.
    const expected = path === "/" ? baseURL! : new URL(path, baseURL).toString();
    expect(await page.locator('link[rel="canonical"]').getAttribute("href"), path).toBe(expected);
    expect(await page.locator('meta[property="og:url"]').getAttribute("content"), path).toBe(expected);
    expect(await page.locator('meta[property="og:title"]').getAttribute("content"), path).toBeTruthy();
    expect(await page.locator('meta[property="og:locale"]').getAttribute("content"), path).toBe("sv_SE");
    expect(await page.locator('meta[property="og:site_name"]').getAttribute("content"), path).toBe("Exempelby kommun");
    expect(await page.locator('meta[name="twitter:card"]').getAttribute("content"), path).toBeTruthy();
    await expect(page.locator(`link[rel="alternate"][type="application/rss+xml"][href="${baseURL}/feed.xml"]`), path).toHaveCount(1);
  }
  await page.goto(issue);
  expect(await page.locator('meta[property="og:type"]').getAttribute("content")).toBe("article");
});

test("an issue prints like a newsletter: no site header, footer or skip link; serif text; Kalendarium and colophon kept", async ({ page, request }) => {
  const newsletter = await fetchFeed(request, "/nyhetsbrev/feed.xml");
  await page.goto(new URL(newsletter.items[0]!.link!).pathname);
  await expect(page.getByRole("banner")).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("contentinfo")).toBeHidden();
  await expect(page.getByRole("link", { name: "Hoppa till innehållet" })).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Kalendarium" })).toBeVisible();
  const bodyFont = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
  expect(bodyFont).toMatch(/Georgia|serif/);
  const kept = await page.locator('section[aria-labelledby="kalendarium"]').evaluate((el) => getComputedStyle(el).breakInside);
  expect(kept).toBe("avoid");
});
