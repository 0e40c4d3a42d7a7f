import { and, asc, desc, eq, gte, lt, lte, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { contentItems, newsletterIssues, publications, revisions, searchEntries } from "@/db/schema";
import type { Db } from "@/db/types";

/**
 * Full-text search over public texts only: every query here reads `search_entries`, which database
 * triggers keep to exactly the published, not withdrawn texts (and articles of published issues),
 * and compares `visible_from` with now(). A draft, a scheduled or a withdrawn text is never found.
 */

export const SEARCH_PAGE_SIZE = 10;
export const MAX_QUERY_LENGTH = 200;
/** At most this many matches, the newest, are ranked and counted: see findCandidates. */
export const MAX_RANKED = 100;
/** How many of the newest texts are read word by word before the index takes over. */
export const RECENT_WINDOW = 400;
/** A phrase ("…") is checked word by word in at most this many of the newest texts. */
export const PHRASE_WINDOW = 1_000;
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
      .transform((q) =>
        q
          .replace(/[\u0000-\u001f\uE000\uE001]/g, " ")
          .trim()
          .slice(0, MAX_QUERY_LENGTH)
          .trim(),
      ),
  ),
  publikation: z.preprocess(
    firstValue,
    z
      .string()
      .regex(/^[a-z0-9-]{1,100}$/)
      .optional()
      .catch(undefined),
  ),
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
/**
 * `total` stops at MAX_RANKED; `capped` says there are more matches than that. `phraseWindow` is set
 * when a phrase was looked for in only that many of the newest texts (and there are more).
 */
export type SearchResult = {
  total: number;
  capped: boolean;
  phraseWindow: number | null;
  page: number;
  pageCount: number;
  hits: SearchHit[];
};

/** Stockholm midnight on 1 January: always winter time (UTC+1). */
function yearStart(year: number): Date {
  return new Date(Date.UTC(year, 0, 1) - 3_600_000);
}

const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

/** A description is short (lib/content/description.ts) and written to be read whole: all of it, marked. */
const DESCRIPTION_HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true`;

/** ts_headline parses all the text it is given: longer texts are cut to this many characters. */
const SNIPPET_SOURCE_LENGTH = 1_000;

/**
 * The text a snippet is cut from: lead and body, or for a long text the part around the first
 * occurrence of the query's first word (its stem, which the written forms begin with), so that
 * ts_headline does not parse thousands of words to show thirty.
 */
function snippetSource(lexeme: string | null): SQL {
  const at = lexeme ? sql`greatest(1, strpos(lower(doc), ${lexeme}) - ${SNIPPET_SOURCE_LENGTH / 4})` : sql`1`;
  // A scalar subquery, so the text is read (and decompressed) once, not once per use.
  return sql`(select case when length(doc) <= ${SNIPPET_SOURCE_LENGTH} then doc else substr(doc, ${at}, ${SNIPPET_SOURCE_LENGTH}) end
    from (select concat_ws(' ', ${revisions.lead}, ${revisions.searchText}) as doc) as source)`;
}

/** The first lexeme of a tsquery's text form that is not negated ("!'x'"), unquoted. */
export function firstLexeme(tsQueryText: string): string | null {
  for (const match of tsQueryText.matchAll(/(!\s*)?'((?:[^'\\]|''|\\.)*)'/g)) {
    if (!match[1]) return match[2]!.replace(/''/g, "'").replace(/\\(.)/g, "$1");
  }
  return null;
}

export async function searchPublished(db: Db, input: SearchInput): Promise<SearchResult> {
  const q = input.q.trim().slice(0, MAX_QUERY_LENGTH);
  const page = Math.min(Math.max(1, Math.trunc(input.page) || 1), MAX_PAGE);
  const none: SearchResult = { total: 0, capped: false, phraseWindow: null, page, pageCount: 0, hits: [] };
  if (!q) return none;
  const tsQueryText = await swedishQuery(db, q);
  if (!tsQueryText) return none;
  const tsQuery = tsQuerySql(tsQueryText);

  const { candidates, capped, phraseWindow } = await findCandidates(db, input, tsQuery, isPhraseQuery(tsQueryText));
  const total = candidates.length;
  const result = { total, capped, phraseWindow, page, pageCount: Math.ceil(total / SEARCH_PAGE_SIZE) };
  if (total === 0 || (page - 1) * SEARCH_PAGE_SIZE >= total) return { ...result, hits: [] };

  // Ranked by where the words are: in the title (A), in the lead (B), or only in the body, and then
  // the newest first. Ranking on the whole text's vector would read one long vector per candidate,
  // most of them older texts that are not in memory; the title and lead vector sits in the row.
  // ts_headline, far too slow to run on every match, runs on the page's ten.
  const ranked = db
    .select({
      itemId: searchEntries.itemId,
      revisionId: searchEntries.revisionId,
      publishedAt: searchEntries.publishedAt,
      rank: sql<number>`ts_rank_cd(${searchEntries.headVector}, ${tsQuery})`.as("rank"),
    })
    .from(searchEntries)
    // One array parameter: a hundred separate ones cost more to parse and plan than the ranking.
    .where(sql`${searchEntries.itemId} = any(${`{${candidates.join(",")}}`}::uuid[])`)
    .orderBy(sql`rank desc`, desc(searchEntries.publishedAt), asc(searchEntries.itemId))
    .limit(SEARCH_PAGE_SIZE)
    .offset((page - 1) * SEARCH_PAGE_SIZE)
    .as("ranked");
  const hits = await db
    .select({
      id: contentItems.id,
      kind: contentItems.kind,
      slug: contentItems.slug,
      title: revisions.title,
      publishedAt: contentItems.publishedAt,
      publicationSlug: publications.slug,
      publicationName: publications.name,
      issueYear: newsletterIssues.year,
      issueNumber: newsletterIssues.number,
      // The writer's description when there is one, as link previews show it; else cut from the text.
      snippet: sql<string>`case when ${revisions.description} is not null
        then ts_headline('swedish', ${revisions.description}, ${tsQuery}, ${DESCRIPTION_HEADLINE_OPTIONS})
        else ts_headline('swedish', ${snippetSource(firstLexeme(tsQueryText))}, ${tsQuery}, ${HEADLINE_OPTIONS}) end`,
    })
    .from(ranked)
    .innerJoin(contentItems, eq(contentItems.id, ranked.itemId))
    .innerJoin(revisions, eq(revisions.id, ranked.revisionId))
    .innerJoin(publications, eq(publications.id, contentItems.publicationId))
    .leftJoin(newsletterIssues, eq(newsletterIssues.id, contentItems.issueId))
    .orderBy(sql`${ranked.rank} desc`, desc(ranked.publishedAt), asc(ranked.itemId));
  return { ...result, hits };
}

/**
 * The newest MAX_RANKED matches (ids), which are then ranked. A common word like "kommunen" is in
 * most texts: finding and ranking 100,000 of them takes seconds, so readers narrow an old search
 * with more words or the year filter.
 *
 * Finding them cheaply takes two ways, and PostgreSQL's planner cannot tell which is cheaper (it does
 * not count the cost of reading a vector): a common word is found fastest by reading the newest
 * texts one by one until enough match; a rarer one through the GIN index, which never reads a
 * vector but visits every match, however old, before it can keep the newest. So: first the newest
 * RECENT_WINDOW texts word by word. If they hold MAX_RANKED matches, that is all. Otherwise their
 * share of matches says how far back the rest lie, and the index is asked for those months only
 * (each text's vector carries a lexeme for its month, see migration 0006): it then visits about as
 * many matches as it keeps. Further back in wider steps if the guess was short.
 *
 * A phrase needs each text's word positions, which the index does not hold: it is looked for in the
 * newest PHRASE_WINDOW texts only, and the page says so.
 */
export async function findCandidates(db: Db, input: SearchInput, tsQuery: SQL, phrase: boolean): Promise<Candidates> {
  const scope: (SQL | undefined)[] = [lte(searchEntries.visibleFrom, sql`now()`)];
  if (input.publication) {
    scope.push(eq(searchEntries.publicationId, db.select({ id: publications.id }).from(publications).where(eq(publications.slug, input.publication))));
  }
  if (input.year) {
    scope.push(gte(searchEntries.publishedAt, yearStart(input.year)), lt(searchEntries.publishedAt, yearStart(input.year + 1)));
  }
  const window = phrase ? PHRASE_WINDOW : RECENT_WINDOW;
  // Read in date order, so a common word stops after MAX_RANKED matches; the LIMIT inside keeps
  // PostgreSQL from turning this into a search of the whole index. The window's first and last texts
  // come along: the last is where the index takes over, and the two dates give the pace of writing.
  // Dates as text: a JavaScript Date would drop PostgreSQL's microseconds and move the boundary.
  const newest = db
    .select({
      itemId: searchEntries.itemId,
      publishedAt: searchEntries.publishedAt,
      position: sql<number>`row_number() over (order by ${searchEntries.publishedAt} desc, ${searchEntries.itemId} desc)`.as("position"),
      matches: sql<boolean>`${searchEntries.searchVector} @@ ${tsQuery}`.as("matches"),
    })
    .from(searchEntries)
    .where(and(...scope))
    .orderBy(desc(searchEntries.publishedAt), desc(searchEntries.itemId))
    .limit(window)
    .as("newest");
  const walked = await db
    .select({
      itemId: newest.itemId,
      position: newest.position,
      matches: newest.matches,
      publishedAt: sql<string>`${newest.publishedAt}::text`,
      month: sql<string>`to_char(${newest.publishedAt} at time zone 'Europe/Stockholm', 'YYYY-MM')`,
      epoch: sql<number>`extract(epoch from ${newest.publishedAt})::float8`,
      daysIntoMonth: sql<number>`extract(epoch from (${newest.publishedAt} at time zone 'Europe/Stockholm') - date_trunc('month', ${newest.publishedAt} at time zone 'Europe/Stockholm'))::float8 / 86400`,
    })
    .from(newest)
    .where(sql`${newest.matches} or ${newest.position} in (1, ${window})`)
    // The subquery's own order, so no sort waits for the whole window before the first row.
    .orderBy(desc(newest.publishedAt), desc(newest.itemId))
    .limit(MAX_RANKED + 3);
  const found = walked.filter((row) => row.matches).map((row) => row.itemId);
  if (found.length > MAX_RANKED) return { candidates: found.slice(0, MAX_RANKED), capped: true, phraseWindow: null, steps: ["window"] };
  const first = walked.find((row) => Number(row.position) === 1);
  const last = walked.find((row) => Number(row.position) === window);
  if (!first || !last) return { candidates: found, capped: false, phraseWindow: null, steps: ["window"] };
  // Whether any text lies past the window.
  const [beyond] = await db
    .select({ one: sql<number>`1` })
    .from(searchEntries)
    .where(and(...scope, sql`(${searchEntries.publishedAt}, ${searchEntries.itemId}) < (${last.publishedAt}::timestamptz, ${last.itemId}::uuid)`))
    .limit(1);
  if (!beyond) return { candidates: found, capped: false, phraseWindow: null, steps: ["window"] };
  if (phrase) return { candidates: found, capped: false, phraseWindow: window, steps: ["window"] };
  const boundary = { month: last.month, windowDays: (Number(first.epoch) - Number(last.epoch)) / 86_400, daysIntoMonth: Number(last.daysIntoMonth) };

  const older = [...scope, sql`(${searchEntries.publishedAt}, ${searchEntries.itemId}) < (${last.publishedAt}::timestamptz, ${last.itemId}::uuid)`];
  const steps = ["window"];
  let months = monthsToSearch(MAX_RANKED + 1 - found.length, found.length / window, boundary.windowDays / window, boundary.daysIntoMonth);
  let next = boundary.month;
  let oldestSearched: string | null = null;
  for (let round = 0; round < 3 && months <= MAX_MONTH_LEXEMES && found.length <= MAX_RANKED; round++) {
    const list = monthsBack(next, months);
    const monthQuery = list.map((month) => `'§${month}'`).join(" | ");
    found.push(...(await throughIndex(db, older, sql`(${tsQuery}) && (${monthQuery}::tsquery)`, MAX_RANKED + 1 - found.length)));
    steps.push(`${list.length} months`);
    oldestSearched = list.at(-1)!;
    next = monthsBack(oldestSearched, 2)[1]!;
    months *= 4;
  }
  if (found.length <= MAX_RANKED) {
    // The rest, older than the months searched: few enough matches by now to visit them all.
    const rest = [...older];
    if (oldestSearched) {
      const [year, month] = oldestSearched.split("-").map(Number) as [number, number];
      rest.push(sql`${searchEntries.publishedAt} < make_timestamptz(${year}, ${month}, 1, 0, 0, 0, 'Europe/Stockholm')`);
    }
    found.push(...(await throughIndex(db, rest, tsQuery, MAX_RANKED + 1 - found.length)));
    steps.push("rest");
  }
  return { candidates: found.slice(0, MAX_RANKED), capped: found.length > MAX_RANKED, phraseWindow: null, steps };
}

/** `steps` tells the tests which ways were taken: the window, each month step, the rest. */
type Candidates = { candidates: string[]; capped: boolean; phraseWindow: number | null; steps: string[] };

/** More months than this in one query and the month lexemes cost more than they save. */
const MAX_MONTH_LEXEMES = 24;

/**
 * How many months back the index should look, the boundary's month included, to find `needed`
 * matches: from the share of the newest texts that matched and the days per text among them, with
 * room to spare. A share of zero is taken as one match in the window. The boundary's own month holds
 * only the `daysIntoMonth` days before the boundary: a boundary on the 1st leaves it nearly empty,
 * so those days are counted, not a whole month (otherwise the guess fell short on some days of
 * the month and a wider step followed).
 */
export function monthsToSearch(needed: number, share: number, daysPerText: number, daysIntoMonth: number): number {
  const days = (needed / Math.max(share, 1 / RECENT_WINDOW)) * 1.5 * daysPerText;
  // Whole months of 28 days beyond the boundary's month: never fewer calendar months than the days need.
  return 1 + Math.max(0, Math.ceil((days - daysIntoMonth) / 28));
}

/** `count` months ending with `month` ("2025-11"), newest first. */
export function monthsBack(month: string, count: number): string[] {
  const [year, mon] = month.split("-").map(Number) as [number, number];
  const list: string[] = [];
  for (let i = 0; i < count; i++) {
    const index = year * 12 + (mon - 1) - i;
    list.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`);
  }
  return list;
}

/** The newest `limit` matches, found with the GIN index only: never a walk or a scan that reads every vector. */
async function throughIndex(db: Db, conditions: (SQL | undefined)[], tsQuery: SQL, limit: number): Promise<string[]> {
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_indexscan = off`);
    await tx.execute(sql`set local enable_seqscan = off`);
    return tx
      .select({ itemId: searchEntries.itemId })
      .from(searchEntries)
      .where(and(...conditions, sql`${searchEntries.searchVector} @@ (${tsQuery})`))
      .orderBy(desc(searchEntries.publishedAt), desc(searchEntries.itemId))
      .limit(limit);
  });
  return rows.map((row) => row.itemId);
}

/** A tsquery's text form (from swedishQuery) as a query value. */
export function tsQuerySql(tsQueryText: string): SQL {
  return sql`${tsQueryText}::tsquery`;
}

/** A phrase ("kommunens budget") is a tsquery with a followed-by operator. */
export function isPhraseQuery(tsQueryText: string): boolean {
  return /<(-|\d+)>/.test(tsQueryText.replace(/'(?:[^']|'')*'/g, "''"));
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
export async function swedishQuery(db: Db, q: string): Promise<string | null> {
  const [row] = await db.select({ text: sql<string>`websearch_to_tsquery('swedish', ${q})::text` }).from(sql`(select 1) as one`);
  const text = row?.text ?? "";
  return text ? withPrefixes(text) : null;
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

/** The publications and years that have public texts: the options of the search filters. */
export async function getSearchFilters(db: Db) {
  const visible = sql`${searchEntries.visibleFrom} <= now()`;
  const publicationOptions = await db
    .select({ slug: publications.slug, name: publications.name })
    .from(publications)
    .where(sql`exists (select 1 from ${searchEntries} where ${searchEntries.publicationId} = ${publications.id} and ${visible})`)
    .orderBy(asc(publications.name));
  // A year list by probing the date index once per year between the first and the last text,
  // instead of reading every text's date (a distinct over 100,000 rows on every search page).
  const bound = (fn: "min" | "max") =>
    sql`(select extract(year from ${sql.raw(fn)}(${searchEntries.publishedAt}) at time zone 'Europe/Stockholm')::int from ${searchEntries} where ${visible})`;
  const years = await db.execute(sql`
    select y as year from generate_series(${bound("min")}, ${bound("max")}) as y
    where exists (
      select 1 from ${searchEntries}
      where ${visible}
        and ${searchEntries.publishedAt} >= make_timestamptz(y, 1, 1, 0, 0, 0, 'Europe/Stockholm')
        and ${searchEntries.publishedAt} < make_timestamptz(y + 1, 1, 1, 0, 0, 0, 'Europe/Stockholm')
    )
    order by y desc`);
  const yearRows = ((years as unknown as { rows?: { year: number }[] }).rows ?? (years as unknown as { year: number }[])) as { year: number }[];
  return { publications: publicationOptions, years: yearRows.map((row) => Number(row.year)) };
}
