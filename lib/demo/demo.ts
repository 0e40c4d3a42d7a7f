import { count, sql } from "drizzle-orm";
import {
  auditLog,
  contentItems,
  corrections,
  eventPublications,
  events,
  itemAuthors,
  newsletterIssues,
  publications,
  revisions,
  siteSettings,
  users,
  type Byline,
  type FrozenEvent,
} from "@/db/schema";
import type { Db, Tx } from "@/db/types";
import { actorLabel, recordAudit, type AuditActor } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/password";
import { expandEvents, toFrozen } from "@/lib/calendar/occurrences";
import { backfillAuthorSlugs } from "@/lib/users/author-slugs";
import { doc, p } from "@/lib/content/build";
import { normalizeDescription } from "@/lib/content/description";
import { contentHash } from "@/lib/content/hash";
import { plainText } from "@/lib/content/text";
import { slugFromTitle, uniqueSlug } from "@/lib/content/slug";
import { addDays, monthsBefore, stockholmDate } from "@/lib/dates";
import { proposeIssue } from "@/lib/issues/issues";
import { seedDemoSubscribers } from "./demo-subscribers";
import { demoEvents, demoIssues, demoPosts, demoStaffPosts, type DemoArticle, type DemoAuthor, type DemoPost } from "./demo-content";
import { DEMO_PASSWORD, DEMO_USERS } from "./demo-users";

export type SeedOutcome = "seeded" | "already-seeded" | "refused-has-content";

// Serializes seeding between app instances starting at the same time against one PostgreSQL.
const SEED_LOCK_ID = 4_711_2027;

type Context = {
  tx: Tx;
  now: Date;
  userIds: Map<string, string>;
  actors: Map<string, AuditActor>;
  utgivareId: string;
  redaktorId: string;
};

/**
 * A back-dated audit row, so the log of a fresh demo tells the history the workflow would have
 * written (recordAudit always stamps "now").
 */
async function auditAt(ctx: Context, row: { at: Date; actorId: string; action: string; entityType: "item" | "issue"; entityId: string; summary: string }): Promise<void> {
  const { actorId, ...rest } = row;
  await ctx.tx.insert(auditLog).values({ ...rest, actorId, actorLabel: actorLabel(ctx.actors.get(actorId) ?? "system") });
}

function byline(ctx: Context, authors: DemoAuthor[]): Byline[] {
  return authors.map((a) => ({ userId: a.email ? (ctx.userIds.get(a.email) ?? null) : null, name: a.name, title: a.title }));
}

/** Inserts a text with one revision; published texts get that revision approved and pinned. */
async function insertText(
  ctx: Context,
  text: Omit<DemoArticle, "placement"> & { placement?: DemoArticle["placement"] },
  where: { kind: "article" | "post"; publicationId: string; issueId: string | null; position: number; slug: string },
  state: { status: "draft" | "in_review" | "published"; publishedAt: Date | null },
): Promise<{ id: string; revisionId: string }> {
  const authors = byline(ctx, text.authors);
  const authorIds = authors.flatMap((a) => (a.userId ? [a.userId] : []));
  const createdBy = authorIds[0] ?? ctx.redaktorId;
  const published = state.status === "published";
  const [item] = await ctx.tx
    .insert(contentItems)
    .values({
      ...where,
      placement: text.placement ?? "article",
      status: state.status,
      createdBy,
      publishedAt: state.publishedAt,
      approvedBy: published ? ctx.utgivareId : null,
      approvedAt: state.publishedAt,
      createdAt: state.publishedAt ?? ctx.now,
      updatedAt: state.publishedAt ?? ctx.now,
    })
    .returning({ id: contentItems.id });
  const content = {
    title: text.title,
    lead: text.lead,
    description: normalizeDescription(text.description),
    body: text.body,
    coverMediaId: null,
    tags: text.tags,
    byline: authors,
  };
  const hash = contentHash(content);
  const [revision] = await ctx.tx
    .insert(revisions)
    // searchText feeds the generated search vector, as in appendRevision.
    .values({ itemId: item!.id, number: 1, ...content, searchText: plainText(content.body), contentHash: hash, createdBy, createdAt: state.publishedAt ?? ctx.now })
    .returning({ id: revisions.id });
  await ctx.tx
    .update(contentItems)
    .set({
      currentRevisionId: revision!.id,
      publishedRevisionId: published ? revision!.id : null,
      approvedRevisionId: published ? revision!.id : null,
      approvedContentHash: published ? hash : null,
    })
    .where(sql`${contentItems.id} = ${item!.id}`);
  if (authorIds.length > 0) {
    await ctx.tx.insert(itemAuthors).values([...new Set(authorIds)].map((userId) => ({ itemId: item!.id, userId })));
  }
  const audit = { entityType: "item", entityId: item!.id } as const;
  const startedAt = addDays(state.publishedAt ?? ctx.now, -3);
  await auditAt(ctx, { ...audit, at: startedAt, actorId: createdBy, action: "item.created", summary: `Skapade "${text.title}"` });
  // Articles are submitted and published with their issue, not one by one.
  if (state.status !== "draft" && where.kind === "post") {
    const submittedAt = addDays(startedAt, 1);
    // The review queue shows who sent a text and when.
    await ctx.tx
      .update(contentItems)
      .set({ submittedBy: createdBy, submittedAt })
      .where(sql`${contentItems.id} = ${item!.id}`);
    await auditAt(ctx, { ...audit, at: submittedAt, actorId: createdBy, action: "item.submitted", summary: `Skickade "${text.title}" till granskning` });
  }
  if (published && where.kind === "post") {
    await auditAt(ctx, { ...audit, at: state.publishedAt!, actorId: ctx.utgivareId, action: "item.published", summary: `Publicerade "${text.title}"` });
  }
  return { id: item!.id, revisionId: revision!.id };
}

function eventDates(now: Date) {
  return demoEvents.map((event) => {
    const start = addDays(now, event.daysFromNow);
    return {
      title: event.title,
      startsOn: stockholmDate(start),
      startTime: event.startTime ?? null,
      endsOn: event.durationDays ? stockholmDate(addDays(start, event.durationDays)) : null,
      endTime: event.endTime ?? null,
      place: event.place,
      description: event.description,
      link: event.link ?? null,
      cancelled: event.cancelled ?? false,
      recurrence: event.recurrence ?? null,
    } satisfies FrozenEvent & { recurrence: string | null };
  });
}

/** First of the month `monthsAgo` months back, 00:00 UTC: always in the past, always in that month in Stockholm. */
function issueDate(now: Date, monthsAgo: number): Date {
  const base = monthsBefore(now, monthsAgo);
  return new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth(), 1));
}

/** A blog's published posts; slugs are unique per blog, as the public addresses are. */
async function seedPosts(ctx: Context, blogId: string, posts: readonly DemoPost[]): Promise<void> {
  const { tx, now } = ctx;
  const postSlugs = new Set<string>();
  for (const post of posts) {
    const slug = uniqueSlug(slugFromTitle(post.title), postSlugs);
    postSlugs.add(slug);
    const publishedAt = addDays(now, -post.daysAgo);
    const inserted = await insertText(ctx, post, { kind: "post", publicationId: blogId, issueId: null, position: 0, slug }, { status: "published", publishedAt });
    if (post.correction) {
      // One public Rättelse, so the demo shows how a correction after publishing looks to readers.
      const correctedAt = addDays(publishedAt, 1);
      await tx.insert(corrections).values({
        itemId: inserted.id,
        revisionId: inserted.revisionId,
        text: post.correction,
        createdBy: ctx.utgivareId,
        createdAt: correctedAt,
      });
      await auditAt(ctx, {
        at: correctedAt,
        actorId: ctx.utgivareId,
        action: "item.correction_published",
        entityType: "item",
        entityId: inserted.id,
        summary: `Rättelse i "${post.title}"`,
      });
    }
  }
}

async function seedContent(ctx: Context): Promise<void> {
  const { tx, now } = ctx;
  await tx.insert(siteSettings).values({
    municipalityName: "Exempelby kommun",
    tagline: "Nyheter från kommunen",
    streetAddress: "Kommunhuset, Storgatan 1",
    postalAddress: "123 45 Exempelby",
    phone: "0123-456 00",
    email: "kommunen@exempelby.test",
    webUrl: "https://exempelby.example",
    accessibility: {
      scope: "Den här redogörelsen gäller Exempelby kommuns nyhetsbrev och bloggar på den här webbplatsen.",
      conformance: "partial",
      shortcomings: [
        "Äldre nyhetsbrev som bara finns som PDF-filer är inte tillgängliga för alla skärmläsare (WCAG 1.3.1).",
        "Några bilder i äldre blogginlägg saknar beskrivande alternativtext (WCAG 1.1.1).",
        "Filmer som bäddas in från andra webbplatser saknar ibland textning (WCAG 1.2.2).",
      ],
      disproportionateBurden:
        "Vi tillgänglighetsanpassar inte nyhetsbrev som publicerades innan webbplatsen togs i bruk. Hör av dig om du behöver ett äldre nummer i ett annat format.",
      assessmentMethod: "Vi har gjort en egen granskning med automatiska verktyg och manuella tester med tangentbord och skärmläsare.",
      assessedOn: stockholmDate(addDays(now, -30)),
      updatedOn: stockholmDate(now),
      contactEmail: "kommunen@exempelby.test",
      contactPhone: "0123-456 00",
      responseTime: "Vi svarar normalt inom fem arbetsdagar.",
    },
  });

  const [newsletter, blog, staffBlog] = await tx
    .insert(publications)
    .values([
      {
        kind: "newsletter",
        slug: "nyhetsbrev",
        name: "Nyhetsbrev för Exempelby kommun",
        description: "Månadens nyheter från kommunen: beslut, händelser och människor.",
        responsiblePublisherId: ctx.utgivareId,
        editorId: ctx.redaktorId,
        editorLabel: "Redaktör",
      },
      {
        kind: "blog",
        slug: "kommunchefen",
        name: "Kommunchefens blogg",
        description: "Karin Holm, kommunchef, skriver om veckan som gått.",
        responsiblePublisherId: ctx.utgivareId,
        editorId: ctx.redaktorId,
        editorLabel: "Redaktör",
      },
      {
        kind: "blog",
        slug: "medarbetarbloggen",
        name: "Medarbetarbloggen",
        description: "Planarkitekter, bibliotekarier, rektorer och andra medarbetare berättar om sitt arbete i Exempelby kommun.",
        responsiblePublisherId: ctx.utgivareId,
        editorId: ctx.redaktorId,
        editorLabel: "Redaktör",
      },
    ])
    .returning({ id: publications.id });

  const allEvents = eventDates(now);
  const eventRows = await tx
    .insert(events)
    .values(allEvents.map((event) => ({ ...event, createdBy: ctx.redaktorId })))
    .returning({ id: events.id });
  // Every demo event appears in the newsletter's Kalendarium.
  await tx.insert(eventPublications).values(eventRows.map((row) => ({ eventId: row.id, publicationId: newsletter!.id })));

  for (const issue of demoIssues) {
    const publishedAt = issueDate(now, issue.monthsAgo);
    const calendarFrom = stockholmDate(publishedAt);
    const calendarTo = stockholmDate(addDays(publishedAt, 60));
    // As publishing would have frozen it (lib/issues/calendar.ts), recurring events expanded.
    const frozen = expandEvents(
      allEvents.map((event, index) => ({ ...event, id: eventRows[index]!.id })),
      [],
      { from: calendarFrom, to: calendarTo },
    )
      .filter((e) => e.startsOn >= calendarFrom)
      .map(toFrozen);
    const [row] = await tx
      .insert(newsletterIssues)
      .values({
        publicationId: newsletter!.id,
        year: Number(calendarFrom.slice(0, 4)),
        number: Number(calendarFrom.slice(5, 7)),
        calendarFrom,
        calendarTo,
        frozenCalendar: frozen,
        status: "published",
        approvedBy: ctx.utgivareId,
        approvedAt: publishedAt,
        publishedAt,
        createdBy: ctx.redaktorId,
        createdAt: publishedAt,
      })
      .returning({ id: newsletterIssues.id });
    await auditAt(ctx, {
      at: publishedAt,
      actorId: ctx.utgivareId,
      action: "issue.published",
      entityType: "issue",
      entityId: row!.id,
      summary: `Publicerade nummer ${Number(calendarFrom.slice(5, 7))} ${calendarFrom.slice(0, 4)}`,
    });
    const slugs = new Set<string>();
    for (const [position, article] of issue.articles.entries()) {
      const slug = uniqueSlug(slugFromTitle(article.title), slugs);
      slugs.add(slug);
      await insertText(ctx, article, { kind: "article", publicationId: newsletter!.id, issueId: row!.id, position, slug }, { status: "published", publishedAt });
    }
  }

  // Work in progress, so that the staff area has something to do and readers provably never see it.
  // Numbered as "Nytt nummer" would number it today, so that the demo's draft and the create form
  // agree (it was once a month ahead, "nummer 1 2027", while the form proposed "nummer 12 2026").
  const next = await proposeIssue(tx, newsletter!.id, now);
  const [draftIssue] = await tx
    .insert(newsletterIssues)
    .values({
      publicationId: newsletter!.id,
      year: next.year,
      number: next.number,
      calendarFrom: next.calendarFrom,
      calendarTo: next.calendarTo,
      createdBy: ctx.redaktorId,
    })
    .returning({ id: newsletterIssues.id });
  await insertText(
    ctx,
    {
      title: "Utkast: Ny detaljplan för Norrbäckens strand",
      lead: "Kommunen tar fram en ny detaljplan för området vid Norrbäckens strand.",
      authors: [{ email: "skribent@exempelby.test", name: "Sara Lind", title: "Planarkitekt" }],
      tags: ["samhällsbyggnad"],
      body: doc(p("Det här är ett utkast som ännu inte är granskat.")),
    },
    { kind: "article", publicationId: newsletter!.id, issueId: draftIssue!.id, position: 0, slug: "ny-detaljplan-norrbacken" },
    { status: "draft", publishedAt: null },
  );

  await seedPosts(ctx, blog!.id, demoPosts);
  await seedPosts(ctx, staffBlog!.id, demoStaffPosts);
  await insertText(
    ctx,
    {
      title: "Tankar inför budgetarbetet",
      lead: "Ett inlägg som väntar på granskning.",
      authors: [{ email: "utgivare@exempelby.test", name: "Karin Holm", title: "Kommunchef" }],
      tags: ["ekonomi"],
      body: doc(p("Det här inlägget är inte publicerat ännu."), p("/Karin")),
    },
    { kind: "post", publicationId: blog!.id, issueId: null, position: 0, slug: "tankar-infor-budgetarbetet" },
    { status: "in_review", publishedAt: null },
  );
  await seedDemoSubscribers(tx, now, { newsletter: newsletter!.id, blog: blog!.id });
}

/**
 * Seeds the made-up municipality. Idempotent: a database that already has the demo users is left
 * alone, and one with other users (real content) is refused unless `force` is set.
 */
export async function seedDemo(db: Db, options: { force?: boolean; now?: Date } = {}): Promise<SeedOutcome> {
  const now = options.now ?? new Date();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_ID})`);
    const existing = await tx.select({ email: users.email }).from(users);
    if (existing.some((u) => u.email === DEMO_USERS[0]!.email)) return "already-seeded";
    const [items] = await tx.select({ n: count() }).from(contentItems);
    if ((existing.length > 0 || items!.n > 0) && !options.force) return "refused-has-content";

    const inserted = await tx
      .insert(users)
      .values(DEMO_USERS.map((u) => ({ ...u, passwordHash })))
      .returning({ id: users.id, email: users.email });
    // Author-page addresses are stored per account (lib/users/author-slugs.ts).
    await backfillAuthorSlugs(tx);
    const userIds = new Map(inserted.map((u) => [u.email, u.id]));
    const actors = new Map(DEMO_USERS.map((u): [string, AuditActor] => [userIds.get(u.email)!, { id: userIds.get(u.email)!, name: u.name, role: u.role }]));
    const ctx: Context = {
      tx,
      now,
      userIds,
      actors,
      utgivareId: userIds.get("utgivare@exempelby.test")!,
      redaktorId: userIds.get("redaktor@exempelby.test")!,
    };
    await seedContent(ctx);
    await recordAudit(tx, {
      actor: "system",
      action: "demo.seeded",
      entityType: "system",
      entityId: "demo",
      summary: "Demokommunen Exempelby kommun skapades",
    });
    return "seeded";
  });
}
