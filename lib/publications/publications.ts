import "server-only";
import { and, eq, isNotNull, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { contentItems, publications, users } from "@/db/schema";
import type { Db, Tx } from "@/db/types";
import { recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { slugFromTitle } from "@/lib/content/slug";
import { AppError, parseInput } from "@/lib/errors";
import { can, hasPermission, type Role } from "@/lib/permissions";

export const EDITOR_LABELS = ["Redaktör", "Tf redaktör"] as const;

const NOT_SAVED = "Publikationen sparades inte. Rätta fälten som är markerade.";
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const optionalId = z
  .string()
  .trim()
  .transform((value) => value || null)
  .pipe(z.uuid("Välj en person i listan.").nullable());

export const publicationSchema = z.object({
  name: z.string().trim().min(1, "Skriv publikationens namn.").max(120, "Namnet får vara högst 120 tecken."),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .max(60, "Adressen får vara högst 60 tecken.")
    .refine((value) => value === "" || SLUG.test(value), "Adressen får bara ha små bokstäver a–z, siffror och bindestreck, till exempel ”kulturbloggen”."),
  description: z.string().trim().max(500, "Beskrivningen får vara högst 500 tecken."),
  responsiblePublisherId: optionalId,
  editorId: optionalId,
  editorLabel: z.enum(EDITOR_LABELS, "Välj Redaktör eller Tf redaktör."),
});

export const newPublicationSchema = publicationSchema.extend({
  kind: z.enum(["newsletter", "blog"], "Välj om det är ett nyhetsbrev eller en blogg."),
});

type PublicationInput = z.output<typeof publicationSchema>;

function refuseUnlessAdmin(actor: CurrentUser) {
  if (!can(actor, "publications.manage")) throw new AppError("FORBIDDEN", "Bara administratörer får ändra publikationerna.");
}

function fieldError(field: string, message: string): AppError {
  return new AppError("INVALID_INPUT", NOT_SAVED, { [field]: [message] });
}

/**
 * The colophon names people who answer for the publication: the ansvarig utgivare must be an active
 * account that may publish, the redaktör one that assembles issues. Checked here, not only in the
 * form's lists, since an account may have changed role or left since the page was opened.
 */
async function checkPeople(tx: Tx, input: PublicationInput) {
  const check = async (id: string | null, field: string, allowed: (role: Role) => boolean, message: string) => {
    if (!id) return;
    const [person] = await tx.select({ role: users.role, active: users.active }).from(users).where(eq(users.id, id));
    if (!person || !person.active || !allowed(person.role)) throw fieldError(field, message);
  };
  await check(
    input.responsiblePublisherId,
    "responsiblePublisherId",
    (role) => hasPermission(role, "content.publish"),
    "Ansvarig utgivare måste vara en aktiv användare med rollen Ansvarig utgivare.",
  );
  await check(
    input.editorId,
    "editorId",
    (role) => hasPermission(role, "issue.manage"),
    "Redaktören måste vara en aktiv användare som sätter ihop nummer (redaktör eller ansvarig utgivare).",
  );
}

async function refuseTakenSlug(tx: Tx, slug: string, exceptId?: string) {
  const [taken] = await tx
    .select({ name: publications.name })
    .from(publications)
    .where(exceptId ? and(eq(publications.slug, slug), ne(publications.id, exceptId)) : eq(publications.slug, slug));
  if (taken) throw fieldError("slug", `Adressen ”${slug}” används redan av ${taken.name}. Välj en annan.`);
}

/** A new newsletter or blog. A blog's address is /blogg/<adress>; without one, it is made from the name. */
export async function createPublication(db: Db, actor: CurrentUser, raw: unknown): Promise<{ id: string; slug: string }> {
  refuseUnlessAdmin(actor);
  const input = parseInput(newPublicationSchema, raw, { message: NOT_SAVED });
  const slug = input.slug || slugFromTitle(input.name).slice(0, 60).replace(/-+$/, "");
  return db.transaction(async (tx) => {
    await refuseTakenSlug(tx, slug);
    await checkPeople(tx, input);
    const [row] = await tx
      .insert(publications)
      .values({
        kind: input.kind,
        slug,
        name: input.name,
        description: input.description,
        responsiblePublisherId: input.responsiblePublisherId,
        editorId: input.editorId,
        editorLabel: input.editorLabel,
      })
      .returning({ id: publications.id });
    await recordAudit(tx, {
      actor,
      action: "publication.created",
      entityType: "publication",
      entityId: row!.id,
      summary: `Skapade ${input.kind === "blog" ? "bloggen" : "nyhetsbrevet"} "${input.name}"`,
      details: { kind: input.kind, slug },
    });
    return { id: row!.id, slug };
  });
}

/**
 * Name, description and colophon. A blog's address changes only while it has nothing published:
 * after that, links to its posts are out in e-mails and search engines and must keep working.
 */
export async function updatePublication(db: Db, actor: CurrentUser, id: string, raw: unknown) {
  refuseUnlessAdmin(actor);
  const input = parseInput(publicationSchema, raw, { message: NOT_SAVED });
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(publications).where(eq(publications.id, id)).for("update");
    if (!before) throw new AppError("NOT_FOUND", "Publikationen finns inte.");
    const slug = input.slug || before.slug;
    if (slug !== before.slug) {
      const [published] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(contentItems)
        .where(and(eq(contentItems.publicationId, id), isNotNull(contentItems.publishedAt)));
      if ((published?.n ?? 0) > 0) {
        throw fieldError("slug", "Adressen kan inte ändras när något har publicerats: länkarna till det som redan är publicerat skulle sluta fungera.");
      }
      await refuseTakenSlug(tx, slug, id);
    }
    await checkPeople(tx, input);
    const next = {
      name: input.name,
      slug,
      description: input.description,
      responsiblePublisherId: input.responsiblePublisherId,
      editorId: input.editorId,
      editorLabel: input.editorLabel,
    };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((key) => before[key] !== next[key]);
    await tx.update(publications).set(next).where(eq(publications.id, id));
    await recordAudit(tx, {
      actor,
      action: "publication.updated",
      entityType: "publication",
      entityId: id,
      summary: `Ändrade ${before.kind === "blog" ? "bloggen" : "nyhetsbrevet"} "${input.name}"`,
      details: { changed },
    });
    return { slug, kind: before.kind, changed };
  });
}

/** Archiving keeps every text readable where it is; only new writing stops (lib/publications/archived). */
export async function setArchived(db: Db, actor: CurrentUser, id: string, archived: boolean, now = new Date()) {
  refuseUnlessAdmin(actor);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(publications).where(eq(publications.id, id)).for("update");
    if (!before) throw new AppError("NOT_FOUND", "Publikationen finns inte.");
    if (Boolean(before.archivedAt) === archived) return { kind: before.kind, slug: before.slug };
    await tx
      .update(publications)
      .set({ archivedAt: archived ? now : null })
      .where(eq(publications.id, id));
    await recordAudit(tx, {
      actor,
      action: archived ? "publication.archived" : "publication.restored",
      entityType: "publication",
      entityId: id,
      summary: `${archived ? "Arkiverade" : "Återställde"} ${before.kind === "blog" ? "bloggen" : "nyhetsbrevet"} "${before.name}"`,
    });
    return { kind: before.kind, slug: before.slug };
  });
}

/** The people the colophon may name, for the form's lists. */
export async function colophonCandidates(db: Db) {
  const rows = await db.select({ id: users.id, name: users.name, role: users.role }).from(users).where(eq(users.active, true)).orderBy(users.name);
  return {
    publishers: rows.filter((row) => hasPermission(row.role, "content.publish")),
    editors: rows.filter((row) => hasPermission(row.role, "issue.manage")),
  };
}

/** Every publication (or the one `id`) with how much it holds, for the admin's pages. */
export async function listPublicationsForAdmin(db: Db, id?: string) {
  return db
    .select({
      id: publications.id,
      kind: publications.kind,
      slug: publications.slug,
      name: publications.name,
      description: publications.description,
      responsiblePublisherId: publications.responsiblePublisherId,
      editorId: publications.editorId,
      editorLabel: publications.editorLabel,
      archivedAt: publications.archivedAt,
      texts: sql<number>`(select count(*)::int from ${contentItems} where ${contentItems.publicationId} = ${publications.id})`,
    })
    .from(publications)
    .where(id ? eq(publications.id, id) : undefined)
    .orderBy(sql`${publications.archivedAt} is not null`, publications.kind, publications.name);
}
