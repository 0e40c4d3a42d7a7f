import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seededDemo, textStep } from "@/db/testing/actors";
import { createTestDb, type TestDb } from "@/db/testing";
import type { CurrentUser } from "@/lib/auth/session";
import { doc, p } from "@/lib/content/build";
import { slugFromTitle } from "@/lib/content/slug";
import { createText } from "@/lib/editorial/create-text";
import { saveText } from "@/lib/editorial/save-text";
import { postMetadata } from "@/lib/feeds/page-metadata";
import { getFeedPosts } from "@/db/queries/public/feeds";
import { getPost } from "@/db/queries/public/blogs";
import { MARK_END, MARK_START, searchPublished, snippetSegments } from "./search";

/** What readers are shown of a text's description: link previews, feeds and the site's own search. */

let t: TestDb;
let skribent: CurrentUser, utgivare: CurrentUser;
let blogId: string;

beforeAll(async () => {
  t = await createTestDb();
  ({ skribent, utgivare, blogId } = await seededDemo(t.db));
});
afterAll(() => t.close());

async function publishPost(title: string, lead: string, body: string, description?: string) {
  const { id } = await createText(t.db, skribent, { publicationId: blogId, title });
  await saveText(t.db, skribent, { id, baseVersion: 1, title, lead, description, slug: slugFromTitle(title), tags: [], coverMediaId: null, body: doc(p(body)) });
  for (const [actor, action] of [
    [skribent, "submit"],
    [utgivare, "approve"],
    [utgivare, "publish"],
  ] as const)
    await textStep(t.db, id, actor, action);
  return { id, slug: slugFromTitle(title) };
}

describe("a published text's description", () => {
  it("is the link preview's description, and the lead is when there is none", async () => {
    const described = await publishPost(
      "Ny kompoststation vid Torget",
      "Nu kan du lämna matavfall mitt i byn.",
      "Stationen är öppen dygnet runt.",
      "Var kompoststationen finns och vad du får lämna där.",
    );
    const plain = await publishPost("Biblioteket har ny öppettid", "Biblioteket öppnar en timme tidigare på lördagar.", "Välkommen!");
    const post = (await getPost(t.db, "kommunchefen", described.slug))!;
    expect(post.description).toBe("Var kompoststationen finns och vad du får lämna där.");
    const meta = postMetadata(post, null);
    expect(meta.description).toBe("Var kompoststationen finns och vad du får lämna där.");
    expect(meta.openGraph?.description).toBe("Var kompoststationen finns och vad du får lämna där.");
    expect(meta.twitter?.description).toBe("Var kompoststationen finns och vad du får lämna där.");

    const plainMeta = postMetadata((await getPost(t.db, "kommunchefen", plain.slug))!, null);
    expect(plainMeta.description).toBe("Biblioteket öppnar en timme tidigare på lördagar.");
    expect(plainMeta.openGraph?.description).toBe("Biblioteket öppnar en timme tidigare på lördagar.");

    const feed = await getFeedPosts(t.db, { blogId });
    expect(feed.find((entry) => entry.id === described.id)?.description).toBe("Var kompoststationen finns och vad du får lämna där.");
  });

  it("is the search result's snippet, whole and with the reader's words marked", async () => {
    const { id } = await publishPost(
      "Vinterväghållning i Exempelby",
      "Så plogar och sandar vi när snön kommer.",
      "Plogbilarna går ut när det har fallit fem centimeter snö på gator och cykelvägar.",
      "Vilka gator som plogas först, och vem du ringer om din väg är glömd.",
    );
    const hit = (await searchPublished(t.db, { q: "plogbilarna", page: 1 })).hits.find((h) => h.id === id);
    // Found by a word in the body, but shown by the writer's description.
    expect(
      snippetSegments(hit!.snippet)
        .map((s) => s.text)
        .join(""),
    ).toBe("Vilka gator som plogas först, och vem du ringer om din väg är glömd.");

    const marked = (await searchPublished(t.db, { q: "gator vinterväghållning", page: 1 })).hits.find((h) => h.id === id);
    expect(marked!.snippet).toContain(`${MARK_START}gator${MARK_END}`);
  });

  it("leaves the snippet of a text without one cut from its lead and body, as before", async () => {
    const { id } = await publishPost("Badhuset stänger för renovering", "Badhuset håller stängt i sex veckor.", "Under tiden byts bassängens kakel och ventilationen.");
    const hit = (await searchPublished(t.db, { q: "ventilationen", page: 1 })).hits.find((h) => h.id === id);
    expect(hit!.snippet).toContain(`${MARK_START}ventilationen${MARK_END}`);
    expect(hit!.snippet).toContain("Badhuset håller stängt");
  });
});
