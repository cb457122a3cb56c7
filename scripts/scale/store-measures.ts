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

export interface StoreFigures {
  search: Record<"plain" | "typos" | "common" | "topicQuery", number>;
  feed: Record<"week" | "all", number>;
  topicPage: number;
  relatedMsPerPaper: number;
  vocabularySeconds: number;
  topics: { phrase: string; category: string };
}

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
async function searchP95(store: SqliteStore, queries: readonly string[], now: Date, topic?: string): Promise<number> {
  const run = (q: string, sort: "relevance" | "trending", window: "week" | "all") =>
    searchPapers(store, { q, topic, sort, window, limit: 20, offset: 0, now });
  for (const q of queries) await run(q, "relevance", "week");
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++)
    for (const q of queries)
      for (const [sort, window] of SEARCH_MODES) {
        const started = performance.now();
        await run(q, sort, window);
        times.push(performance.now() - started);
      }
  return percentile(times, 0.95);
}

async function pageP95(store: SqliteStore, params: Record<string, string>, now: Date): Promise<number> {
  const query = FeedQuerySchema.parse(params);
  for (let i = 0; i < 20; i++) await loadFeed(store, query, now);
  const times: number[] = [];
  for (let i = 0; i < PAGE_RUNS; i++) {
    const started = performance.now();
    await loadFeed(store, query, now);
    times.push(performance.now() - started);
  }
  return percentile(times, 0.95);
}

/** Read-only figures first; then the two that write (related lists of the newest papers, the vocabulary). */
export async function measureStore(store: SqliteStore, now: Date): Promise<StoreFigures> {
  const topics = await store.topics.listTopics();
  const phrase = topics.find((t) => t.kind === "phrase")?.slug ?? topics[0]!.slug;
  const category = topics.find((t) => t.kind === "category")?.slug ?? topics[0]!.slug;
  const search = {
    plain: await searchP95(store, PLAIN_QUERIES, now),
    typos: await searchP95(store, TYPO_QUERIES, now),
    common: await searchP95(store, COMMON_QUERIES, now),
    topicQuery: Math.max(
      await searchP95(store, PLAIN_QUERIES.slice(0, 4), now, phrase),
      await searchP95(store, PLAIN_QUERIES.slice(0, 4), now, category),
    ),
  };
  const feed = { week: await pageP95(store, {}, now), all: await pageP95(store, { window: "all" }, now) };
  const topicPage = Math.max(
    await pageP95(store, { topic: phrase }, now),
    await pageP95(store, { topic: category }, now),
  );

  const newest = await store.db.paper.findMany({ orderBy: { id: "desc" }, take: RELATED_SAMPLE, select: { id: true } });
  let started = performance.now();
  await refreshRelated(
    store.db,
    newest.map((p) => p.id),
  );
  const relatedMsPerPaper = (performance.now() - started) / newest.length;
  started = performance.now();
  await store.topics.recomputeVocabulary(now);
  const vocabularySeconds = (performance.now() - started) / 1000;
  return { search, feed, topicPage, relatedMsPerPaper, vocabularySeconds, topics: { phrase, category } };
}
