// npm run bench:trending: applies 100k signal events across 100k papers on a fresh temporary database,
// then times the feed's first page (ordered by trend key) for each window. Prints the figures.
// Usage: npm run bench:trending [-- --engine sqlite|postgres] (see scripts/bench-database.ts)
import os from "node:os";
import { performance } from "node:perf_hooks";
import { FEED_WINDOWS, FeedQuerySchema, windowStart } from "../src/domain/feed-params";
import { SIGNAL_WEIGHTS, sourceRankWeight } from "../src/domain/trending";
import type { Db } from "../src/server/store/sqlite/prisma-client";
import { openSqliteStore } from "../src/server/store/sqlite/sqlite-store";
import { modelApi } from "../src/server/store/postgres/model-api";
import { openPostgresStore } from "../src/server/store/postgres/postgres-store";
import { listFeed } from "../src/server/papers/feed-list";
import type { SignalInput } from "../src/server/store/trending";
import { benchDatabase, type BenchEngine } from "./bench-database";

const PAPERS = 100_000;
const EVENTS = 100_000;
const BATCH = 1_000;
const RUNS = 300;
const DAY = 86_400_000;
const NOW = new Date("2026-11-26T12:00:00.000Z");
const H = 24;

let seed = 42;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;

/** Bare papers through the model API (the same calls on both engines): only their dates and keys matter here. */
async function createPapers(db: Db): Promise<void> {
  for (let start = 0; start < PAPERS; start += 1_000) {
    // Papers dated over the last year, so the windows hold ~0.3%, 2%, 8% and 100% of them.
    const data = Array.from({ length: 1_000 }, (_, k) => {
      const n = start + k;
      const feedAt = new Date(NOW.getTime() - random() * 365 * DAY);
      const title = `Paper ${n}`;
      const texts = { title, abstract: "Abstract.", titleText: title, abstractText: "Abstract." };
      return {
        slug: `paper-${n}`,
        ...texts,
        titleKey: `paper ${n}`,
        firstSeenAt: feedAt,
        feedAt,
        updatedAt: feedAt,
        sourceName: "bench",
      };
    });
    await db.paper.createMany({ data });
  }
}

/** How the engine answers the listing's query for a window (SQLite: EXPLAIN QUERY PLAN; PostgreSQL: EXPLAIN). */
async function queryPlan(db: Db, engine: BenchEngine, since: Date | null): Promise<string> {
  if (engine === "sqlite") {
    const index = since ? "Paper_feedAt_trendKey_idx" : "Paper_trendKey_idx";
    const plan = await db.$queryRawUnsafe<{ detail: string }[]>(
      `EXPLAIN QUERY PLAN SELECT "id" FROM "Paper" INDEXED BY "${index}" ${since ? `WHERE "feedAt" >= ?` : ""} ORDER BY "trendKey" DESC, "id" ASC LIMIT 20`,
      ...(since ? [since] : []),
    );
    return plan.map((r) => r.detail).join(" | ");
  }
  const plan = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
    `EXPLAIN SELECT "id" FROM "Paper" ${since ? `WHERE "feedAt" >= $1` : ""} ORDER BY "trendKey" DESC, "id" ASC LIMIT 20`,
    ...(since ? [since] : []),
  );
  return plan.map((r) => r["QUERY PLAN"].trim()).join(" | ");
}

function randomEvents(count: number): SignalInput[] {
  const events: SignalInput[] = [];
  for (let i = 0; i < count; i++) {
    const paperId = 1 + Math.floor(random() * PAPERS);
    const at = new Date(NOW.getTime() - 30 * DAY + (30 * DAY * i) / count);
    const roll = random();
    if (roll < 0.55) events.push({ paperId, kind: "view", at, weight: SIGNAL_WEIGHTS.view });
    else if (roll < 0.8) events.push({ paperId, kind: "upvote", at, weight: SIGNAL_WEIGHTS.upvote });
    else if (roll < 0.9) events.push({ paperId, kind: "click", at, weight: SIGNAL_WEIGHTS.click });
    else {
      const rank = 1 + Math.floor(random() * 50);
      events.push({ paperId, kind: "source_rank", at, weight: sourceRankWeight(rank), value: rank, source: "bench" });
    }
  }
  return events;
}

async function timeIt(run: () => Promise<unknown>, runs = RUNS): Promise<{ p50: number; p95: number; cpu: number }> {
  for (let i = 0; i < 20; i++) await run();
  const times: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  const cpu = process.cpuUsage(cpu0);
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { p50: at(0.5), p95: at(0.95), cpu: (cpu.user + cpu.system) / 1000 / runs };
}

const ms = (value: number) => `${value.toFixed(2)} ms`;

/** Runs `work` and returns wall and CPU seconds: CPU time stays honest when other processes share the cores. */
async function measure(work: () => Promise<void>): Promise<{ wall: number; cpu: number }> {
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  await work();
  const cpu = process.cpuUsage(cpu0);
  return { wall: (performance.now() - start) / 1000, cpu: (cpu.user + cpu.system) / 1e6 };
}

const rate = (count: number, seconds: number) => Math.round(count / seconds).toLocaleString("en-US");

async function main(): Promise<void> {
  const bench = await benchDatabase("trending");
  const store =
    bench.engine === "sqlite"
      ? await openSqliteStore(bench.url, { halfLifeHours: H })
      : await openPostgresStore(bench.url, { halfLifeHours: H });
  const db = bench.engine === "sqlite" ? (store.db as Db) : modelApi(store.db as never);
  console.log(`bench:trending on ${bench.engine} (Node ${process.version}, ${os.cpus().length} CPUs)`);
  try {
    const setup = await measure(() => createPapers(db));
    console.log(`setup: ${PAPERS.toLocaleString("en-US")} papers inserted in ${setup.wall.toFixed(1)} s`);

    const events = randomEvents(EVENTS);
    const batched = await measure(async () => {
      for (let i = 0; i < events.length; i += BATCH) await store.trending.recordSignals(events.slice(i, i + BATCH));
    });
    console.log(
      `events applied in batches of ${BATCH}: ${EVENTS.toLocaleString("en-US")} in ${batched.wall.toFixed(2)} s = ${rate(EVENTS, batched.wall)} events/s (${rate(EVENTS, batched.cpu)} per CPU-second)`,
    );

    const singles = randomEvents(2_000);
    const single = await measure(async () => {
      for (const event of singles) await store.trending.recordSignals([event]);
    });
    console.log(
      `events applied one call each (a vote or view request): ${rate(singles.length, single.wall)} events/s (${rate(singles.length, single.cpu)} per CPU-second)`,
    );

    const votes = await measure(async () => {
      for (let i = 0; i < 1_000; i++)
        await store.trending.upvote(1 + Math.floor(random() * PAPERS), `visitor-${i}`, NOW);
    });
    console.log(
      `upvote() calls (vote row + counter + event + key): ${rate(1_000, votes.wall)} /s (${rate(1_000, votes.cpu)} per CPU-second)`,
    );

    // A bulk load is followed by autovacuum's ANALYZE sooner or later; the query plans below assume it happened.
    if (bench.engine === "postgres") await db.$executeRawUnsafe(`ANALYZE "Paper"`);
    console.log(`load while measuring: ${os.loadavg()[0]!.toFixed(1)} (1-minute average on ${os.cpus().length} cores)`);
    // The listing's page of 20 papers (with their topics), without counting the window.
    const trendingPage = (since: Date | null) => () =>
      store.listing.listPapers({ order: "trending", since, limit: 20, offset: 0, count: false });
    console.log(`\nfeed first page (20) in the listing's trending order, ${RUNS} runs each after warm-up:`);
    for (const window of FEED_WINDOWS) {
      const since = windowStart(window, NOW);
      const bare = await timeIt(trendingPage(since));
      const feed = await timeIt(() => listFeed(store, FeedQuerySchema.parse({ window }), NOW));
      const inWindow = await db.paper.count({ where: since ? { feedAt: { gte: since } } : {} });
      const plan = await queryPlan(db, bench.engine, since);
      console.log(
        `  ${window.padEnd(5)} (${inWindow.toLocaleString("en-US").padStart(7)} papers)  query p50 ${ms(bare.p50)}  p95 ${ms(bare.p95)}  cpu ${ms(bare.cpu)}/query   listFeed (+count, topics) p50 ${ms(feed.p50)}  p95 ${ms(feed.p95)}  cpu ${ms(feed.cpu)}`,
      );
      console.log(`        plan: ${plan}`);
    }

    const top = await db.paper.findMany({ orderBy: { trendKey: "desc" }, take: 20, select: { id: true } });
    const recent = await db.paper.findMany({ orderBy: { feedAt: "desc" }, take: 20, select: { id: true } });
    const explainTop = await timeIt(() =>
      store.trending.explainTrending(
        top.map((p) => p.id),
        NOW,
      ),
    );
    const explainNew = await timeIt(() =>
      store.trending.explainTrending(
        recent.map((p) => p.id),
        NOW,
      ),
    );
    console.log(
      `\nexplainTrending(20 ids): top of the feed p50 ${ms(explainTop.p50)} p95 ${ms(explainTop.p95)} cpu ${ms(explainTop.cpu)}; newest papers p50 ${ms(explainNew.p50)} p95 ${ms(explainNew.p95)} cpu ${ms(explainNew.cpu)}`,
    );
  } finally {
    await store.close();
    await bench.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
