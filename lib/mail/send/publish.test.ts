import { eq } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getIssue } from "@/db/queries/public/issues";
import { getPost } from "@/db/queries/public/blogs";
import { mailDeliveries, mailEditions, newsletterIssues, subscribers } from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/testing";
import { seededDemo, textStep } from "@/db/testing/actors";
import { doc, h, p } from "@/lib/content/build";
import { slugFromTitle } from "@/lib/content/slug";
import { createText } from "@/lib/editorial/create-text";
import { saveText } from "@/lib/editorial/save-text";
import { runDueJobs } from "@/lib/jobs/queue";
import { jobHandlers } from "@/lib/jobs/worker/worker";
import { unsubscribeUrl } from "@/lib/subscriptions/tokens";
import { currentIssueHash, transitionIssue } from "@/lib/workflow/services/issue-workflow";
import { runSender } from "./send";
import { addSubscribers } from "./testing/fixtures";
import { startSmtpSink, type SmtpSink } from "./testing/smtp-sink";
import { pooledSmtpTransport } from "../transport";

// From publishing in the workflow to parsed MIME at a real SMTP server, with the real renderer.
let t: TestDb;
let demo: Awaited<ReturnType<typeof seededDemo>>;
let sink: SmtpSink;
beforeAll(async () => {
  t = await createTestDb();
  demo = await seededDemo(t.db);
  // The demo's own subscribers would blur the counts.
  await t.db.delete(subscribers);
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
  await t.close();
});

/** What the worker does in one pass, with the SMTP server of the test. */
async function workerPass() {
  await runDueJobs(
    t.db,
    jobHandlers(async () => {}),
  );
  return runSender(t.db, pooledSmtpTransport(sink.url));
}

const body = (text: string) => doc(h(2, "Bakgrund"), p(text));

async function writeText(publicationId: string, title: string, issueId?: string) {
  const { id } = await createText(t.db, demo.skribent, { publicationId, issueId, title });
  await saveText(t.db, demo.skribent, { id, baseVersion: 1, title, lead: "En ingress.", slug: slugFromTitle(title), tags: [], coverMediaId: null, body: body(title) });
  return id;
}

describe("publishing sends once", () => {
  it("an issue: each confirmed subscriber gets one message with both parts and working links", async () => {
    await addSubscribers(t.db, demo.newsletterId, 4, { prefix: "brevlasare" });
    await addSubscribers(t.db, demo.newsletterId, 1, { prefix: "obekraftad", confirmed: false });
    await addSubscribers(t.db, demo.newsletterId, 1, { prefix: "pausadlasare", paused: true });
    await addSubscribers(t.db, demo.newsletterId, 1, { prefix: "slutat", following: false });
    const [issue] = await t.db.insert(newsletterIssues).values({ publicationId: demo.newsletterId, year: 2031, number: 4, createdBy: demo.redaktor.id }).returning();
    const articleId = await writeText(demo.newsletterId, "Ny förskola i Norrby", issue!.id);
    await textStep(t.db, articleId, demo.skribent, "submit");
    const step = async (actor: typeof demo.utgivare, action: "submit" | "approve" | "publish" | "withdraw") => {
      const [row] = await t.db.select().from(newsletterIssues).where(eq(newsletterIssues.id, issue!.id));
      return transitionIssue(t.db, actor, { id: issue!.id, action, contentHash: await currentIssueHash(t.db, row!) });
    };
    await step(demo.redaktor, "submit");
    await step(demo.utgivare, "approve");
    await step(demo.utgivare, "publish");
    // Publishing only queued a job: no edition is rendered inside the publish transaction.
    expect(await t.db.select().from(mailEditions)).toHaveLength(0);

    expect(await workerPass()).toMatchObject({ sent: 4, failed: 0 });
    const received = sink.messages.filter((m) => m.to[0]!.startsWith("brevlasare"));
    expect(received.map((m) => m.to[0]).sort()).toEqual([1, 2, 3, 4].map((n) => `brevlasare${n}@exempelby.test`));
    expect(sink.messages).toHaveLength(4);
    for (const message of received) {
      const parsed = await simpleParser(message.raw!);
      const [subscriber] = await t.db.select().from(subscribers).where(eq(subscribers.email, message.to[0]!));
      expect(parsed.subject).toMatch(/nummer 4 2031/);
      expect(parsed.text).toContain(unsubscribeUrl(subscriber!.id));
      expect(parsed.html).toContain(`href="${unsubscribeUrl(subscriber!.id)}"`);
      expect(parsed.text).toContain("Ny förskola i Norrby");
      expect(parsed.headerLines.some((h) => h.line === "List-Unsubscribe-Post: List-Unsubscribe=One-Click")).toBe(true);
      // The web link leads to the issue as readers see it.
      const web = /href="https?:\/\/[^/"]+(\/nyhetsbrev\/2031\/4)"/.exec(String(parsed.html));
      expect(web?.[1]).toBe("/nyhetsbrev/2031/4");
      expect(await getIssue(t.db, 2031, 4)).not.toBeNull();
    }

    // Withdrawn and published again: the edition exists, nobody gets a second copy.
    await step(demo.utgivare, "withdraw");
    await step(demo.redaktor, "submit");
    await step(demo.utgivare, "approve");
    await step(demo.utgivare, "publish");
    expect(await workerPass()).toMatchObject({ claimed: 0 });
    expect(await workerPass()).toMatchObject({ claimed: 0 });
    expect(sink.messages).toHaveLength(4);
  });

  it("a blog post on its first publication only, to that blog's subscribers", async () => {
    sink.messages.length = 0;
    await addSubscribers(t.db, demo.blogId, 2, { prefix: "bloggfoljare" });
    const id = await writeText(demo.blogId, "Vårens planer för parkerna");
    await textStep(t.db, id, demo.skribent, "submit");
    await textStep(t.db, id, demo.utgivare, "approve");
    await textStep(t.db, id, demo.utgivare, "publish");
    expect(await workerPass()).toMatchObject({ sent: 2 });
    expect(sink.messages.map((m) => m.to[0]).sort()).toEqual(["bloggfoljare1@exempelby.test", "bloggfoljare2@exempelby.test"]);
    const parsed = await simpleParser(sink.messages[0]!.raw!);
    expect(parsed.subject).toContain("Vårens planer för parkerna");
    expect(await getPost(t.db, "kommunchefen", slugFromTitle("Vårens planer för parkerna"))).not.toBeNull();

    // A corrected version is published again: readers see it, subscribers are not mailed again.
    const { loadText } = await import("@/lib/editorial/load-text");
    const { item } = await loadText(t.db, id);
    await saveText(t.db, demo.skribent, {
      id,
      baseVersion: item.version,
      title: "Vårens planer för parkerna",
      lead: "En ingress.",
      slug: item.slug,
      tags: [],
      coverMediaId: null,
      body: body("Rättad."),
    });
    await textStep(t.db, id, demo.skribent, "submit");
    await textStep(t.db, id, demo.utgivare, "approve");
    await textStep(t.db, id, demo.utgivare, "publish", { correction: "Datumet var fel." });
    expect(await workerPass()).toMatchObject({ claimed: 0 });
    expect(sink.messages).toHaveLength(2);
    expect(await t.db.select().from(mailDeliveries)).toHaveLength(6);
  });
});
