import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { newsletterIssues, publications } from "@/db/schema";
import type { Db } from "@/db/types";
import { UNSUBSCRIBE_URL_PLACEHOLDER } from "@/lib/mail/edition/placeholder";
import type { RenderEdition } from "../edition";

/** A newsletter with one published issue, as the sender sees it (no articles needed with a fake render). */
export async function publishedIssue(db: Db, number = 1): Promise<{ publicationId: string; issueId: string }> {
  const slug = `brev-${randomBytes(4).toString("hex")}`;
  const [publication] = await db.insert(publications).values({ kind: "newsletter", slug, name: "Nyhetsbrev för Exempelby" }).returning({ id: publications.id });
  const issueId = await anotherIssue(db, publication!.id, number);
  return { publicationId: publication!.id, issueId };
}

export async function anotherIssue(db: Db, publicationId: string, number: number): Promise<string> {
  const [issue] = await db
    .insert(newsletterIssues)
    .values({ publicationId, year: 2026, number, status: "published", publishedAt: new Date("2026-12-01T07:00:00Z") })
    .returning({ id: newsletterIssues.id });
  return issue!.id;
}

/**
 * `count` subscribers of a publication in one statement (the crash test and the bench need
 * thousands): confirmed and following unless said otherwise. Addresses are `<prefix><n>@exempelby.test`.
 */
export async function addSubscribers(
  db: Db,
  publicationId: string,
  count: number,
  options: { prefix?: string; confirmed?: boolean; paused?: boolean; following?: boolean } = {},
): Promise<void> {
  const prefix = options.prefix ?? "invanare";
  const confirmed = options.confirmed ?? true;
  await db.execute(sql`
    insert into subscribers (email, confirmed_at, paused_at)
    select ${prefix} || n || '@exempelby.test', ${confirmed ? sql`now()` : sql`null`}, ${options.paused ? sql`now()` : sql`null`}
    from generate_series(1, ${count}) as n`);
  if (options.following ?? true) {
    await db.execute(sql`
      insert into subscriber_publications (subscriber_id, publication_id)
      select id, ${publicationId} from subscribers where email like ${`${prefix}%@exempelby.test`}`);
  }
}

/** A small edition with a web link and the unsubscribe placeholder in both parts; counts its calls. */
export function fakeRender(): RenderEdition & { calls: number } {
  const render = (async () => {
    render.calls += 1;
    return {
      subject: "Nyhetsbrev för Exempelby kommun, nummer 12 2026",
      preheader: "Vintern är här.",
      html: `<!DOCTYPE html><html lang="sv"><body><h1>Nummer 12</h1><p><a href="https://exempelby.example/nyhetsbrev/2026/12">Läs på webben</a></p><p><a href="${UNSUBSCRIBE_URL_PLACEHOLDER}">Avsluta prenumerationen</a></p></body></html>`,
      text: `Nummer 12\n\nLäs på webben: https://exempelby.example/nyhetsbrev/2026/12\n\nAvsluta prenumerationen: ${UNSUBSCRIBE_URL_PLACEHOLDER}\n`,
    };
  }) as unknown as RenderEdition & { calls: number };
  render.calls = 0;
  return render;
}
