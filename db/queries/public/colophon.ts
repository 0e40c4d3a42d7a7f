import { eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { publications, users } from "@/db/schema";
import type { DbOrTx } from "@/db/types";

/**
 * Who answers for a publication: its utgivare and redaktör (names, title, addresses; null when
 * unset) and what the redaktör is called. The one colophon query: the public issue page (getIssue)
 * and the staff previews and the e-mail (lib/issues/load-issue's loadColophon) both read it here.
 * Null when there is no such publication.
 */
export async function getColophonPeople(db: DbOrTx, publicationId: string) {
  const publisher = alias(users, "publisher");
  const editor = alias(users, "editor");
  const [row] = await db
    .select({
      editorLabel: publications.editorLabel,
      publisherName: publisher.name,
      publisherTitle: publisher.jobTitle,
      publisherEmail: publisher.email,
      editorName: editor.name,
      editorEmail: editor.email,
    })
    .from(publications)
    .leftJoin(publisher, eq(publisher.id, publications.responsiblePublisherId))
    .leftJoin(editor, eq(editor.id, publications.editorId))
    .where(eq(publications.id, publicationId))
    .limit(1);
  return row ?? null;
}
