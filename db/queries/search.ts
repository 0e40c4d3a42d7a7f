import { and, asc, desc, eq, gte, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { contentItems, newsletterIssues, publications, revisions } from "@/db/schema";
import type { Db } from "@/db/types";
import { issueIsLive, itemIsLive } from "./public";

/**
 * Full-text search over published texts only: every query here goes through `itemIsLive` (and
 * `issueIsLive` for newsletter articles), so a draft, a scheduled or a withdrawn text is never found.
 */

export const SEARCH_PAGE_SIZE = 10;
export const MAX_QUERY_LENGTH = 200;
/** At most this many matches are ranked and counted: see searchPublished. */
export const MAX_RANKED = 500;
const MAX_PAGE = MAX_RANKED / SEARCH_PAGE_SIZE;

/**
 * Highlight markers for ts_headline: private-use characters, so a snippet is plain text that the page
 * splits into React elements; no HTML from the database is ever injected.
 */
export const MARK_START = "\uE000";
export const MARK_END = "\uE001";

function firstValue(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The reader's search parameters (`/sok?q=&publikation=&ar=&sida=`). Any input parses: an invalid
 * filter is dropped rather than answered with an error page, and the query is trimmed and capped.
 */
export const searchParamsSchema = z.object({
  q: z.preprocess(
    firstValue,
    z
      .string()
      .catch("")
      .transform((q) => q.replace(/[\u0000-\u001f\uE000\uE001]/g, " ").trim().slice(0, MAX_QUERY_LENGTH).trim()),
  ),
  publikation: z.preprocess(firstValue, z.string().regex(/^[a-z0-9-]{1,100}$/).optional().catch(undefined)),
  ar: z.preprocess(firstValue, z.coerce.number().int().min(1900).max(2200).optional().catch(undefined)),
  sida: z.preprocess(firstValue, z.coerce.number().int().min(1).max(MAX_PAGE).catch(1).default(1)),
});

export type SearchInput = { q: string; publication?: string; year?: number; page: number };

export type SearchHit = {
  id: string;
  kind: "article" | "post";
  slug: string;
  title: string;
  publishedAt: Date | null;
  publicationSlug: string;
  publicationName: string;
  issueYear: number | null;
  issueNumber: number | null;
  /** Text with MARK_START/MARK_END around the matched words; see `snippetSegments`. */
  snippet: string;
};

/** `total` stops at MAX_RANKED; `capped` says there are more matches than that. */
export type SearchResult = { total: number; capped: boolean; page: number; pageCount: number; hits: SearchHit[] };

/** Stockholm midnight on 1 January: always winter time (UTC+1). */
function yearStart(year: number): Date {
  return new Date(Date.UTC(year, 0, 1) - 3_600_000);
}

const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

export async function searchPublished(db: Db, input: SearchInput): Promise<SearchResult> {
  const q = input.q.trim().slice(0, MAX_QUERY_LENGTH);
  const page = Math.min(Math.max(1, Math.trunc(input.page) || 1), MAX_PAGE);
  if (!q) return { total: 0, capped: false, page, pageCount: 0, hits: [] };

  const tsQuery = await swedishQuery(db, q);
  if (!tsQuery) return { total: 0, capped: false, page, pageCount: 0, hits: [] };
  const conditions: (SQL | undefined)[] = [
    itemIsLive,
    or(isNull(contentItems.issueId), issueIsLive),
    sql`${revisions.searchVector} @@ ${tsQuery}`,
  ];
  if (input.publication) conditions.push(eq(publications.slug, input.publication));
  if (input.year) {
    conditions.push(gte(contentItems.publishedAt, yearStart(input.year)), lt(contentItems.publishedAt, yearStart(input.year + 1)));
  }

  // Ranking reads each match's whole search vector, so it is bounded: the newest MAX_RANKED matches
  // are ranked (a common word like "kommunen" is in most texts; ranking 100,000 of them would take
  // seconds). Readers narrow an old search with more words or the year filter. The candidates are
  // found through the GIN index without reading the vectors.
  const candidates = db
    .select({ id: contentItems.id })
    .from(contentItems)
    .innerJoin(revisions, eq(revisions.id, contentItems.publishedRevisionId))
    .innerJoin(publications, eq(publications.id, contentItems.publicationId))
    .leftJoin(newsletterIssues, eq(newsletterIssues.id, contentItems.issueId))
    .where(and(...conditions))
    .orderBy(desc(contentItems.publishedAt), desc(contentItems.id))
    .limit(MAX_RANKED);
  const rank = sql<number>`ts_rank_cd(${revisions.searchVector}, ${tsQuery})`;
  // One pass ranks the candidates and counts them (window count); ts_headline, far too slow to run
  // on every match, then runs on the page's ten texts only.
  const rows = await db
    .select({
      id: contentItems.id,
      revisionId: revisions.id,
      kind: contentItems.kind,
      slug: contentItems.slug,
      title: revisions.title,
      publishedAt: contentItems.publishedAt,
      publicationSlug: publications.slug,
      publicationName: publications.name,
      issueYear: newsletterIssues.year,
      issueNumber: newsletterIssues.number,
      total: sql<number>`count(*) over ()`,
    })
    .from(contentItems)
    .innerJoin(revisions, eq(revisions.id, contentItems.publishedRevisionId))
    .innerJoin(publications, eq(publications.id, contentItems.publicationId))
    .leftJoin(newsletterIssues, eq(newsletterIssues.id, contentItems.issueId))
    .where(inArray(contentItems.id, candidates))
    .orderBy(desc(rank), desc(contentItems.publishedAt), asc(contentItems.id))
    .limit(SEARCH_PAGE_SIZE)
    .offset((page - 1) * SEARCH_PAGE_SIZE);

  const snippets = new Map<string, string>();
  if (rows.length > 0) {
    const headlines = await db
      .select({
        id: revisions.id,
        snippet: sql<string>`ts_headline('swedish', concat_ws(' ', ${revisions.lead}, ${revisions.searchText}), ${tsQuery}, ${HEADLINE_OPTIONS})`,
      })
      .from(revisions)
      .where(inArray(revisions.id, rows.map((row) => row.revisionId)));
    for (const { id, snippet } of headlines) snippets.set(id, snippet);
  }

  let total = Number(rows[0]?.total ?? 0);
  if (rows.length === 0 && page > 1) {
    // Past the last page the window count has no row to ride on: count on its own.
    const [counted] = await db
      .select({ n: sql<number>`count(*)` })
      .from(contentItems)
      .where(inArray(contentItems.id, candidates));
    total = Number(counted?.n ?? 0);
  }
  const hits = rows.map(({ total: _total, revisionId, ...hit }) => ({ ...hit, snippet: snippets.get(revisionId) ?? "" }));
  return { total, capped: total >= MAX_RANKED, page, pageCount: Math.ceil(total / SEARCH_PAGE_SIZE), hits };
}

/** Stems shorter than this match only themselves: a prefix like "ny" would match half the language. */
const MIN_PREFIX_LENGTH = 4;

/**
 * The reader's words as a tsquery in which every stem of four letters or more is also a prefix.
 * The Swedish stemmer leaves definite forms alone ("skolor" → skol, but "skolan" → skolan), and
 * Swedish compounds freely ("skolgården"): matching the stem as a prefix finds them all.
 * websearch_to_tsquery accepts any text (quotes, "or", "-word", stray punctuation) without errors;
 * its output is PostgreSQL's own quoted form, so adding ":*" after a lexeme keeps it valid.
 */
async function swedishQuery(db: Db, q: string): Promise<SQL | null> {
  const [row] = await db.select({ text: sql<string>`websearch_to_tsquery('swedish', ${q})::text` }).from(sql`(select 1) as one`);
  const text = row?.text ?? "";
  if (!text) return null;
  return sql`${withPrefixes(text)}::tsquery`;
}

/** Appends ":*" to each quoted lexeme of a tsquery's text form that is long enough (see above). */
export function withPrefixes(tsquery: string): string {
  let out = "";
  let i = 0;
  while (i < tsquery.length) {
    const char = tsquery[i]!;
    if (char !== "'") {
      out += char;
      i++;
      continue;
    }
    // A quoted lexeme: '' is an escaped quote, a backslash escapes the next character.
    let j = i + 1;
    let length = 0;
    while (j < tsquery.length) {
      if (tsquery[j] === "\\") j += 2;
      else if (tsquery[j] === "'" && tsquery[j + 1] === "'") j += 2;
      else if (tsquery[j] === "'") break;
      else j++;
      length++;
    }
    out += tsquery.slice(i, j + 1);
    if (length >= MIN_PREFIX_LENGTH && tsquery[j + 1] !== ":") out += ":*";
    i = j + 1;
  }
  return out;
}

export type SnippetSegment = { text: string; marked: boolean };

/** Splits a ts_headline snippet at its markers; the page renders marked segments as <mark>. */
export function snippetSegments(snippet: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  let marked = false;
  let text = "";
  for (const char of snippet) {
    if (char === MARK_START || char === MARK_END) {
      if (text) segments.push({ text, marked });
      text = "";
      marked = char === MARK_START;
    } else {
      text += char;
    }
  }
  if (text) segments.push({ text, marked });
  return segments;
}

/** The publications and years that have live texts: the options of the search filters. */
export async function getSearchFilters(db: Db) {
  const liveAndVisible = and(itemIsLive, or(isNull(contentItems.issueId), issueIsLive));
  const publicationOptions = await db
    .selectDistinct({ slug: publications.slug, name: publications.name })
    .from(contentItems)
    .innerJoin(publications, eq(publications.id, contentItems.publicationId))
    .leftJoin(newsletterIssues, eq(newsletterIssues.id, contentItems.issueId))
    .where(liveAndVisible)
    .orderBy(asc(publications.name));
  const year = sql<number>`extract(year from ${contentItems.publishedAt} at time zone 'Europe/Stockholm')::int`;
  const years = await db
    .selectDistinct({ year })
    .from(contentItems)
    .leftJoin(newsletterIssues, eq(newsletterIssues.id, contentItems.issueId))
    .where(liveAndVisible)
    .orderBy(desc(year));
  return { publications: publicationOptions, years: years.map((row) => Number(row.year)) };
}
