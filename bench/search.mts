// Search latency over 100,000 published articles (issue 6): the same searchPublished code path the
// /sok page uses, on a fresh PGlite database in a temp folder and, when BENCH_DATABASE_URL is set
// (a PostgreSQL server URL; a throwaway database is created on it and dropped), on PostgreSQL.
// Reference from the same run: a trivial `select 1` round trip on the same connection.
//   npx tsx bench/search.mts                      (PGlite only)
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:55433/postgres npx tsx bench/search.mts
// Bounded: generation stops at the time cap (the count reached is reported), searches are fixed.
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { openDatabase, type OpenDatabase } from "../db/open";
import { searchPublished } from "../db/queries/search";
import type { Db } from "../db/types";
// @ts-expect-error plain ESM helper without types
import { percentile, writeResults } from "./lib.mjs";

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 100_000);
const SEARCHES = 200;
const BATCH = 500;
// About 15 minutes in all: per database, generation stops after 5 minutes and searching after 2.
const GENERATION_CAP_MS = 5 * 60_000;
const SEARCH_CAP_MS = 2 * 60_000;

// --- A made-up but realistic Swedish vocabulary: stems with their inflections, and compounds. ---
const NOUNS_EN =
  "skola väg park buss gata plan bro sjö stad by hall skog strand kyrka gård marknad kommun förskola idrott tjänst budget elev lärare ekonomi nämnd fråga regel tomt hamn bana ledning station klinik kurs grupp rektor avgift åtgärd utredning ansökan vision omsorg vård insats karta".split(
    " ",
  );
const NOUNS_ETT =
  "bibliotek hus bygge möte beslut förslag projekt område centrum torg samråd arbete år nummer bidrag avtal ärende program kontor boende ansvar stöd företag evenemang museum samhälle nätverk kvarter".split(
    " ",
  );
const VERBS =
  "bygga planera öppna stänga renovera besluta informera samla träffa bjuda välkomna anmäla tycka lämna arbeta skriva läsa berätta delta visa fira starta utveckla förbättra satsa ansöka erbjuda".split(
    " ",
  );
const ADJECTIVES = "ny gammal stor liten viktig trygg grön öppen fri lokal kommunal gemensam hållbar bred snabb enkel tydlig god lätt".split(" ");
const NAMES = "Exempelby Storsjön Lillsjö Norrbäcken Solgården Kulturhuset Torget Ekbacken Björkvägen Furulund Sjöviken Åsen Kvarnbacken Mossen".split(" ");
const STOP = "och i att det som en på är för med av till den har de inte om ett vi kan men så vid nu också eller efter när sig alla under".split(" ");

function nounForms(stem: string, neuter: boolean): string[] {
  const base = stem.endsWith("a") ? stem.slice(0, -1) : stem;
  if (neuter) return [stem, `${stem}et`, `${stem}en`, `${stem}ens`, `${stem}ets`];
  return stem.endsWith("a") ? [stem, `${stem}n`, `${base}or`, `${base}orna`, `${stem}ns`] : [stem, `${stem}en`, `${stem}ar`, `${stem}arna`, `${stem}er`, `${stem}erna`];
}
function verbForms(verb: string): string[] {
  const stem = verb.slice(0, -1);
  return [verb, `${verb}r`, `${verb}de`, `${verb}t`, `${stem}ing`, `${stem}ingen`];
}
function adjectiveForms(adjective: string): string[] {
  return [adjective, `${adjective}a`, `${adjective}t`, `${adjective}are`, `${adjective}aste`];
}

function buildVocabulary(random: () => number): string[] {
  const words = new Set<string>();
  for (const n of NOUNS_EN) for (const f of nounForms(n, false)) words.add(f);
  for (const n of NOUNS_ETT) for (const f of nounForms(n, true)) words.add(f);
  for (const v of VERBS) for (const f of verbForms(v)) words.add(f);
  for (const a of ADJECTIVES) for (const f of adjectiveForms(a)) words.add(f);
  // Compounds, the Swedish way: "skolgården", "parkbygget", "busstationen" …
  const nouns = [...NOUNS_EN, ...NOUNS_ETT];
  while (words.size < 4_000) {
    const first = nouns[Math.floor(random() * nouns.length)]!.replace(/a$/, "");
    const second = nouns[Math.floor(random() * nouns.length)]!;
    for (const f of nounForms(second, NOUNS_ETT.includes(second)).slice(0, 3)) words.add(`${first}${f}`);
  }
  // Shuffled, so Zipf ranks below do not follow the stems' order.
  return [...words].sort(() => random() - 0.5);
}

/** mulberry32: a seeded generator, so every run writes the same texts. */
function seeded(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const random = seeded(2026);
const vocabulary = buildVocabulary(random);
// Zipf weights (s = 1): a few words are in most texts, most words in a few.
const cumulative: number[] = [];
vocabulary.reduce((sum, _w, i) => (cumulative[i] = sum + 1 / (i + 1)), 0);
const totalWeight = cumulative.at(-1)!;
function zipfWord(): string {
  const x = random() * totalWeight;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return vocabulary[lo]!;
}
function sentence(words: number): string {
  const parts: string[] = [];
  for (let i = 0; i < words; i++) {
    const r = random();
    parts.push(r < 0.4 ? STOP[Math.floor(random() * STOP.length)]! : r < 0.45 ? NAMES[Math.floor(random() * NAMES.length)]! : zipfWord());
  }
  const text = parts.join(" ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}
function article() {
  const total = 150 + Math.floor(random() * 451);
  const paragraphs: string[] = [];
  for (let left = total; left > 0;) {
    const sentences: string[] = [];
    for (let s = 0; s < 4 && left > 0; s++) {
      const n = Math.min(left, 8 + Math.floor(random() * 14));
      sentences.push(sentence(n));
      left -= n;
    }
    paragraphs.push(sentences.join(" "));
  }
  return { title: sentence(4 + Math.floor(random() * 6)).slice(0, -1), lead: sentence(15 + Math.floor(random() * 15)), paragraphs };
}

// --- Loading ---
async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await db.execute(query);
  return ((result as unknown as { rows?: T[] }).rows ?? (result as unknown as T[])) as T[];
}

async function load(db: Db): Promise<{ count: number; ms: number }> {
  const started = Date.now();
  const [newsletter] = await rows<{ id: string }>(db, sql`insert into publications (kind, slug, name) values ('newsletter', 'nyhetsbrev', 'Nyhetsbrev') returning id`);
  const blogs = await rows<{ id: string }>(
    db,
    sql`insert into publications (kind, slug, name) values ('blog', 'kommunchefen', 'Kommunchefens blogg'), ('blog', 'samhallsbyggnad', 'Samhällsbyggnad') returning id`,
  );
  // Ten years of monthly issues; every tenth text is a newsletter article.
  const issues: { id: string; year: number; month: number }[] = [];
  for (let year = 2016; year <= 2025; year++) {
    for (let month = 1; month <= 12; month++) {
      const [issue] = await rows<{ id: string }>(
        db,
        sql`insert into newsletter_issues (publication_id, year, number, status, published_at) values (${newsletter!.id}, ${year}, ${month}, 'published', ${new Date(Date.UTC(year, month - 1, 2)).toISOString()}) returning id`,
      );
      issues.push({ id: issue!.id, year, month });
    }
  }
  let count = 0;
  while (count < ARTICLES && Date.now() - started < GENERATION_CAP_MS) {
    const items: ReturnType<typeof sql>[] = [];
    const itemIds: string[] = [];
    const revisionRows: ReturnType<typeof sql>[] = [];
    for (let i = 0; i < BATCH && count + i < ARTICLES; i++) {
      const n = count + i;
      const itemId = randomUUID();
      itemIds.push(itemId);
      const revisionId = randomUUID();
      const text = article();
      const isArticle = n % 10 === 0;
      const issue = issues[n % issues.length]!;
      const publishedAt = isArticle ? new Date(Date.UTC(issue.year, issue.month - 1, 2)) : new Date(Date.UTC(2016, 0, 1) + Math.floor(random() * 10 * 365 * 86_400_000));
      const publicationId = isArticle ? newsletter!.id : blogs[n % 2]!.id;
      items.push(sql`(${itemId}, ${isArticle ? "article" : "post"}, ${publicationId}, ${isArticle ? issue.id : null}, ${`text-${n}`}, 'published', ${publishedAt.toISOString()})`);
      const body = { type: "doc", content: text.paragraphs.map((p) => ({ type: "paragraph", content: [{ type: "text", text: p }] })) };
      revisionRows.push(sql`(${revisionId}, ${itemId}, 1, ${text.title}, ${text.lead}, ${JSON.stringify(body)}::jsonb, ${text.paragraphs.join("\n")}, ${`bench-${n}`})`);
    }
    await db.transaction(async (tx) => {
      await tx.execute(sql`insert into content_items (id, kind, publication_id, issue_id, slug, status, published_at) values ${sql.join(items, sql`, `)}`);
      await tx.execute(sql`insert into revisions (id, item_id, number, title, lead, body, search_text, content_hash) values ${sql.join(revisionRows, sql`, `)}`);
      await tx.execute(
        sql`update content_items ci set current_revision_id = r.id, published_revision_id = r.id, approved_revision_id = r.id from revisions r where r.item_id = ci.id and ci.id in (${sql.join(
          itemIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
      );
    });
    count += items.length;
    if (count % 10_000 === 0) console.log(`  ${count} articles, ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  await db.execute(sql`vacuum analyze`);
  return { count, ms: Date.now() - started };
}

// --- Searching ---
type Query = { label: string; q: string; publication?: string; year?: number; page: number };
function queries(): Query[] {
  const list: Query[] = [];
  const pick = (from: number, to: number) => vocabulary[from + Math.floor(random() * (to - from))]!;
  for (let i = 0; i < SEARCHES; i++) {
    const kind = i % 8;
    if (kind === 0) list.push({ label: "vanligt ord", q: pick(0, 20), page: 1 });
    else if (kind === 1) list.push({ label: "medelvanligt ord", q: pick(20, 300), page: 1 });
    else if (kind === 2) list.push({ label: "ovanligt ord", q: pick(1_000, vocabulary.length), page: 1 });
    else if (kind === 3) list.push({ label: "två ord", q: `${pick(0, 100)} ${pick(100, 1_000)}`, page: 1 });
    else if (kind === 4) list.push({ label: "fras", q: `"${pick(0, 50)} ${pick(0, 50)}"`, page: 1 });
    else if (kind === 5) list.push({ label: "vanligt ord, år", q: pick(0, 50), year: 2016 + (i % 10), page: 1 });
    else if (kind === 6) list.push({ label: "vanligt ord, publikation, sida 2", q: pick(0, 50), publication: "nyhetsbrev", page: 2 });
    else list.push({ label: "ord som inte finns", q: `xq${randomBytes(3).toString("hex")}`, page: 1 });
  }
  return list;
}

async function measure(db: Db) {
  const list = queries();
  for (const query of list.slice(0, 5)) await searchPublished(db, query); // warm-up
  const deadline = Date.now() + SEARCH_CAP_MS;
  const byLabel = new Map<string, number[]>();
  const all: number[] = [];
  let hits = 0;
  for (const query of list) {
    if (Date.now() > deadline) break;
    const t0 = performance.now();
    const result = await searchPublished(db, query);
    const ms = performance.now() - t0;
    hits += result.total;
    all.push(ms);
    byLabel.set(query.label, [...(byLabel.get(query.label) ?? []), ms]);
  }
  const pings: number[] = [];
  for (let i = 0; i < SEARCHES; i++) {
    const t0 = performance.now();
    await db.execute(sql`select 1`);
    pings.push(performance.now() - t0);
  }
  return { all, byLabel, pings, meanHits: hits / all.length };
}

async function explain(db: Db, q: string): Promise<string> {
  const plan = await rows<{ "QUERY PLAN": string }>(
    db,
    sql`explain (analyze, costs off) select ci.id from content_items ci join revisions r on r.id = ci.published_revision_id
        where r.search_vector @@ websearch_to_tsquery('swedish', ${q}) order by ts_rank_cd(r.search_vector, websearch_to_tsquery('swedish', ${q})) desc limit 10`,
  );
  return plan.map((r) => r["QUERY PLAN"]).join("\n");
}

const ms = (v: number) => `${v.toFixed(1)} ms`;
const results: string[] = [];
const summary: string[] = [];

async function run(name: string, open: () => Promise<OpenDatabase>, cleanup: () => Promise<void>) {
  const handle = await open();
  try {
    // A kept PGlite folder (BENCH_PGLITE_DIR) that already holds the texts is searched as it is.
    const [existing] = await rows<{ n: number }>(handle.db, sql`select count(*)::int as n from content_items`);
    const reuse = Number(existing?.n ?? 0) >= ARTICLES;
    if (!reuse) console.log(`${name}: generating ${ARTICLES} articles …`);
    const loaded = reuse ? { count: Number(existing!.n), ms: 0 } : await load(handle.db);
    // A kept database may have just been migrated: statistics as autovacuum would have them.
    if (reuse) await handle.db.execute(sql`vacuum analyze`);
    console.log(`${name}: ${loaded.count} articles in ${(loaded.ms / 1000).toFixed(0)} s; searching …`);
    const m = await measure(handle.db);
    const p95 = percentile(m.all, 95);
    summary.push(
      `| ${name} | ${loaded.count.toLocaleString("sv-SE")} | ${m.all.length} | ${ms(percentile(m.all, 50))} / ${ms(p95)} / ${ms(percentile(m.all, 99))} | ${ms(percentile(m.pings, 50))} / ${ms(percentile(m.pings, 95))} | ${Math.round(p95 / percentile(m.pings, 50))}× | ${p95 <= 50 ? "ja" : "**nej**"} | ${reuse ? "(kept from an earlier run)" : `${(loaded.ms / 1000).toFixed(0)} s`} |`,
    );
    for (const [label, values] of m.byLabel) {
      results.push(`| ${name} | ${label} | ${values.length} | ${ms(percentile(values, 50))} / ${ms(percentile(values, 95))} / ${ms(Math.max(...values))} |`);
    }
    console.log(summary.at(-1));
    if (process.env.BENCH_EXPLAIN) console.log(await explain(handle.db, vocabulary[0]!));
  } finally {
    await handle.close();
    await cleanup();
  }
}

// BENCH_PGLITE_DIR keeps the generated database for the next run (generation takes minutes).
const keptDir = process.env.BENCH_PGLITE_DIR;
const pgliteDir = keptDir ? path.resolve(keptDir) : fs.mkdtempSync(path.join(os.tmpdir(), "kb-bench-search-"));
await run(
  "PGlite",
  () => openDatabase({ PGLITE_DIR: path.join(pgliteDir, "db") }),
  async () => {
    if (!keptDir) fs.rmSync(pgliteDir, { recursive: true, force: true });
  },
);

if (process.env.BENCH_DATABASE_URL) {
  const server = new URL(process.env.BENCH_DATABASE_URL);
  // BENCH_PG_KEEP=<name> keeps (and reuses) a database of that name instead of a throwaway one.
  const kept = process.env.BENCH_PG_KEEP?.replace(/[^a-z0-9_]/g, "");
  const name = kept || `kb_bench_search_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  const { rowCount } = await admin.query("select 1 from pg_database where datname = $1", [name]);
  if (!rowCount) await admin.query(`create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  await run(
    "PostgreSQL",
    () => openDatabase({ DATABASE_URL: url.toString(), PGLITE_DIR: "" }),
    async () => {
      if (!kept) await admin.query(`drop database if exists ${name}`);
      await admin.end();
    },
  );
}

writeResults("Sökning (100 000 artiklar)", [
  `Script: \`npx tsx bench/search.mts\` (PostgreSQL too with \`BENCH_DATABASE_URL\`). Generated Swedish texts of 150–600 words`,
  `from a ${vocabulary.length.toLocaleString("sv-SE")}-word vocabulary (inflections and compounds, Zipf-distributed), one in ten a newsletter article;`,
  `${SEARCHES} searches through \`searchPublished\` (the /sok code path: ranking, count, snippets), after 5 warm-up searches, at most 2 minutes per database.`,
  `Machine: \`nproc\` ${os.cpus().length}, ${os.cpus()[0]?.model ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM.`,
  "",
  "| database | articles | searches | p50 / p95 / p99 | reference: `select 1`, p50 / p95 | p95 / reference p50 | p95 ≤ 50 ms | generation |",
  "| --- | ---: | ---: | --- | --- | ---: | --- | ---: |",
  ...summary,
  "",
  "| database | query kind | n | p50 / p95 / max |",
  "| --- | --- | ---: | --- |",
  ...results,
  "",
  "How (db/queries/search.ts, migration 0006): readers search `search_entries`, a narrow table of the public texts only, kept by",
  "triggers, with each text's vector (out of line) plus a lexeme for its month, and a small title-and-lead vector in the row for",
  "ranking. The newest 100 matches are ranked: the newest 400 texts are read word by word first (a common word stops there), then",
  "the GIN index is asked month by month, as many months as the share of matches so far says are needed, then for the rest at once.",
  "A phrase is checked among the newest 1,000 texts (or within a chosen year) and the page says so. The first version searched",
  "`revisions` directly: p95 2.2 s on PGlite (a wide row read per match, every match sorted by date).",
]);
console.log("Written to bench/RESULTS.md");
