import { and, count, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { contentItems, itemAuthors, newsletterIssues, publications } from "@/db/schema";
import type { Db } from "@/db/types";
import { recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { doc, p } from "@/lib/content/build";
import { slugFromTitle, uniqueSlug } from "@/lib/content/slug";
import { AppError, parseInput } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { refuseArchived } from "@/lib/publications/archived";
import { voidIssueApproval } from "@/lib/workflow/void-approval";
import { mayPlaceNewArticle } from "./placement";
import { appendRevision } from "./revisions";

export const createTextSchema = z.object({
  publicationId: z.uuid("Välj var texten ska publiceras."),
  issueId: z.uuid().nullable().default(null),
  title: z.string().trim().max(200, "Rubriken får vara högst 200 tecken.").default(""),
});

/** A new text with the actor as its author: an article when placed in a newsletter, else a blog post. */
export async function createText(db: Db, actor: CurrentUser, raw: z.input<typeof createTextSchema>): Promise<{ id: string }> {
  if (!can(actor, "content.create")) throw new AppError("FORBIDDEN", "Du får inte skapa texter.");
  const input = parseInput(createTextSchema, raw, { message: "Kontrollera fälten." });

  return db.transaction(async (tx) => {
    const [publication] = await tx.select().from(publications).where(eq(publications.id, input.publicationId));
    if (!publication) throw new AppError("INVALID_INPUT", "Publiceringen finns inte.", { publicationId: ["Publiceringen finns inte."] });
    refuseArchived(publication);
    const kind = publication.kind === "newsletter" ? "article" : "post";
    // A new article goes last in its issue; the issue row is locked so two additions get distinct positions.
    let position = 0;
    if (input.issueId) {
      const [issue] = await tx
        .select({ id: newsletterIssues.id, status: newsletterIssues.status })
        .from(newsletterIssues)
        .where(and(eq(newsletterIssues.id, input.issueId), eq(newsletterIssues.publicationId, publication.id)))
        .for("update");
      if (!issue) throw new AppError("INVALID_INPUT", "Numret hör inte till nyhetsbrevet.", { issueId: ["Välj ett nummer i nyhetsbrevet."] });
      // The same rule as the list on "Ny text": a hidden option is no permission.
      const verdict = mayPlaceNewArticle(actor, issue.status);
      if (!verdict.ok) throw new AppError(verdict.code, verdict.message, { issueId: [verdict.message] });
      const [row] = await tx.select({ n: count() }).from(contentItems).where(eq(contentItems.issueId, issue.id));
      position = row?.n ?? 0;
      await voidIssueApproval(tx, issue.id, actor, "en artikel lades till");
      await tx
        .update(newsletterIssues)
        .set({ version: sql`${newsletterIssues.version} + 1`, updatedAt: new Date() })
        .where(eq(newsletterIssues.id, issue.id));
    }
    const siblings = await tx.select({ slug: contentItems.slug }).from(contentItems).where(eq(contentItems.publicationId, publication.id));
    const slug = uniqueSlug(slugFromTitle(input.title || "ny text"), new Set(siblings.map((s) => s.slug)));
    const [item] = await tx
      .insert(contentItems)
      .values({ kind, publicationId: publication.id, issueId: kind === "article" ? input.issueId : null, position, slug, createdBy: actor.id })
      .returning({ id: contentItems.id });
    await tx.insert(itemAuthors).values({ itemId: item!.id, userId: actor.id });
    const revision = await appendRevision(tx, item!.id, actor.id, {
      title: input.title,
      lead: "",
      description: null,
      body: doc(p()),
      coverMediaId: null,
      tags: [],
      byline: [{ userId: actor.id, name: actor.name, title: actor.jobTitle }],
    });
    await tx.update(contentItems).set({ currentRevisionId: revision.id }).where(eq(contentItems.id, item!.id));
    await recordAudit(tx, {
      actor,
      action: "item.created",
      entityType: "item",
      entityId: item!.id,
      summary: `Skapade "${input.title || "(utan rubrik)"}" i ${publication.name}`,
    });
    return { id: item!.id };
  });
}
