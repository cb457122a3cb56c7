// What the scale benchmark times inside one process on the ingested database: search (through
// searchPapers, as the feed page and /api/papers run it), the feed's and a topic's first page (loadFeed,
// with the trending explanations the page shows), related lists and the topic vocabulary recomputation.
import { FeedQuerySchema } from "../../src/domain/feed-params";
import { loadFeed } from "../../src/server/papers/feed-page";
import { searchPapers } from "../../src/server/search/search-papers";
import { refreshRelated } from "../../src/server/store/sqlite/related/related-store";
import type { SqliteStore } from "../../src/server/store/sqlite/sqlite-store";
import { percentile } from "./http-load";
import { COMMON_QUERIES, PLAIN_QUERIES, TYPO_QUERIES } from "./scale-queries";

/** p95 of the wall time, and of the CPU time this process spent (what a busy machine distorts least). */
export interface P95 {
  wall: number;
  cpu: number;
}

export interface StoreFigures {
  search: Record<"plain" | "typos" | "common" | "topicQuery", P95>;
  feed: Record<"week" | "all", P95>;
  topicPage: P95;
  /** Related lists of the newest papers recomputed and offered to their neighbours, per paper (the index warm). */
  relatedMsPerPaper: P95;
  /** Loading the related index of the whole corpus, as the first ingest batch of a process does. */
  relatedIndexLoadSeconds: P95;
  vocabularySeconds: P95;
  topics: { phrase: string; category: string };
}

const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

/** Runs `work`, returning its wall and CPU milliseconds. */
async function timed(work: () => Promise<unknown>): Promise<P95> {
  const [wall, cpu] = [performance.now(), cpuMs()];
  await work();
  return { wall: performance.now() - wall, cpu: cpuMs() - cpu };
}

const p95Of = (samples: readonly P95[]): P95 => ({
  wall: percentile(
    samples.map((s) => s.wall),
    0.95,
  ),
  cpu: percentile(
    samples.map((s) => s.cpu),
    0.95,
  ),
});
const scaled = (sample: P95, factor: number): P95 => ({ wall: sample.wall * factor, cpu: sample.cpu * factor });

const ROUNDS = 5;
const PAGE_RUNS = 200;
// The API's default (relevance within the week), and the two other ways people search.
const SEARCH_MODES = [
  ["relevance", "week"],
  ["relevance", "all"],
  ["trending", "week"],
] as const;
const RELATED_SAMPLE = 1_000;

/** p95 of wall time over the queries, each run in every mode, after one warm-up pass. */
async function searchP95(store: SqliteStore, queries: readonly string[], now: Date, topic?: string): Promise<P95> {
  const run = (q: string, sort: "relevance" | "trending", window: "week" | "all") =>
    searchPapers(store, { q, topic, sort, window, limit: 20, offset: 0, now });
  for (const q of queries) await run(q, "relevance", "week");
  const times: P95[] = [];
  for (let round = 0; round < ROUNDS; round++)
    for (const q of queries)
      for (const [sort, window] of SEARCH_MODES) times.push(await timed(() => run(q, sort, window)));
  return p95Of(times);
}

async function pageP95(store: SqliteStore, params: Record<string, string>, now: Date): Promise<P95> {
  const query = FeedQuerySchema.parse(params);
  for (let i = 0; i < 20; i++) await loadFeed(store, query, now);
  const times: P95[] = [];
  for (let i = 0; i < PAGE_RUNS; i++) times.push(await timed(() => loadFeed(store, query, now)));
  return p95Of(times);
}

const worse = (a: P95, b: P95): P95 => (a.wall >= b.wall ? a : b);

/** Read-only figures first; then the two that write (related lists of the newest papers, the vocabulary). */
export async function measureStore(store: SqliteStore, now: Date): Promise<StoreFigures> {
  const topics = await store.topics.listTopics();
  const phrase = topics.find((t) => t.kind === "phrase")?.slug ?? topics[0]!.slug;
  const category = topics.find((t) => t.kind === "category")?.slug ?? topics[0]!.slug;
  const search = {
    plain: await searchP95(store, PLAIN_QUERIES, now),
    typos: await searchP95(store, TYPO_QUERIES, now),
    common: await searchP95(store, COMMON_QUERIES, now),
    topicQuery: worse(
      await searchP95(store, PLAIN_QUERIES.slice(0, 4), now, phrase),
      await searchP95(store, PLAIN_QUERIES.slice(0, 4), now, category),
    ),
  };
  const feed = { week: await pageP95(store, {}, now), all: await pageP95(store, { window: "all" }, now) };
  const topicPage = worse(await pageP95(store, { topic: phrase }, now), await pageP95(store, { topic: category }, now));

  const newest = await store.db.paper.findMany({ orderBy: { id: "desc" }, take: RELATED_SAMPLE, select: { id: true } });
  const ids = newest.map((p) => p.id);
  const relatedIndexLoad = await timed(() => refreshRelated(store.db, ids.slice(0, 1)));
  const related = await timed(() => refreshRelated(store.db, ids));
  const vocabulary = await timed(() => store.topics.recomputeVocabulary(now));
  return {
    search,
    feed,
    topicPage,
    relatedMsPerPaper: scaled(related, 1 / ids.length),
    relatedIndexLoadSeconds: scaled(relatedIndexLoad, 1 / 1000),
    vocabularySeconds: scaled(vocabulary, 1 / 1000),
    topics: { phrase, category },
  };
}
