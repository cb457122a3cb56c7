// The PostgreSQL store: one Prisma client (a node-postgres pool through @prisma/adapter-pg) per URL, every
// area of the Store interface bound to it, and the migrations applied before use. Several app instances
// may share the database: claims, leases and counters are decided by the database, not by a process.
import { RETIRED_TOPIC } from "@/server/store/topics";
import type { LeaseStore } from "@/server/store/leases";
import type { Store, StoreSettings } from "@/server/store/store";
import { pgSubscribers } from "./subscribers/pg-subscribers";
import { listTopics } from "@/server/store/sqlite/topics/topic-queries";
import { parseJsonList } from "@/domain/json-list";
import { pgDigest } from "./digest/pg-digest";
import { applyPgMigrations } from "./migrate";
import { modelApi } from "./model-api";
import { contextCache, openPgDb, type PgContext, type PgDb } from "./pg-client";
import { indexPendingPapers } from "./papers/paper-indexing";
import { withIndexingPipeline } from "./papers/indexing-pipeline";
import { listPapers, papersInOrder } from "./papers/paper-listing";
import { addPapers, previewPapers } from "./papers/paper-writer";
import { rebuildRelated, relatedPapers, similarTo } from "./related/related-store";
import { rankMatches } from "./search/pg-search";
import { searchVocabulary } from "./search/search-vocabulary";
import { topicBySlug } from "./topics/topic-by-slug";
import { recomputeTopicVocabulary, suggestTopics } from "./topics/topic-store";
import { pgTrending } from "./trending/pg-trending";
import { authorStore, type AuthorIndexCache } from "@/server/store/sqlite/papers/author-store";

const authorIndexes = contextCache<ReturnType<AuthorIndexCache["get"]> & object>("author-index");
import { pgRateLimits } from "./rate-limits";

export interface PostgresStore extends Store {
  readonly url: string;
  /** The Prisma client underneath, for tests that check rows directly. */
  readonly db: PgDb;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/** Opens the database at a postgresql:// URL, migrating it first (safe while other instances start too). */
export async function openPostgresStore(url: string, settings: StoreSettings): Promise<PostgresStore> {
  await applyPgMigrations(url);
  return postgresStoreOn({ db: openPgDb(url, settings.onStatement), caches: new Map() }, url, settings);
}

function pgLeases(db: PgDb): LeaseStore {
  return {
    async acquire(name, holder, now, ttlMs) {
      // One upsert: the row changes only when it is new, expired or ours already.
      const changed = await db.$executeRaw`
        INSERT INTO "JobLease" ("name", "holder", "expiresAt") VALUES (${name}, ${holder}, ${new Date(now.getTime() + ttlMs)})
        ON CONFLICT ("name") DO UPDATE SET "holder" = excluded."holder", "expiresAt" = excluded."expiresAt"
        WHERE "JobLease"."holder" = excluded."holder" OR "JobLease"."expiresAt" < ${now}`;
      return changed === 1;
    },
    release: async (name, holder) => void (await db.jobLease.deleteMany({ where: { name, holder } })),
    async holder(name, now) {
      const lease = await db.jobLease.findUnique({ where: { name } });
      return lease && lease.expiresAt > now ? { holder: lease.holder, expiresAt: lease.expiresAt } : null;
    },
  };
}

function postgresStoreOn(ctx: PgContext, url: string, { halfLifeHours }: StoreSettings): PostgresStore {
  const { db } = ctx;
  return {
    url,
    db,
    papers: {
      paperBySlug: async (slug) => {
        const row = await db.paper.findUnique({ where: { slug }, select: { id: true } });
        return row ? ((await papersInOrder(db, [row.id]))[0] ?? null) : null;
      },
      paperById: async (id) => (await papersInOrder(db, [id]))[0] ?? null,
      papersInOrder: (ids) => papersInOrder(db, ids),
      countPapers: () => db.paper.count(),
      addPapers: (papers, options) => addPapers(ctx, papers, options),
      previewPapers: (papers) => previewPapers(ctx, papers),
      indexPending: (now) => indexPendingPapers(ctx, now),
      bulkImport: (now, work) => withIndexingPipeline(ctx, now, work),
      newestSlugs: (limit, offset = 0) =>
        db.paper.findMany({
          orderBy: [{ feedAt: "desc" }, { id: "desc" }],
          skip: offset,
          take: limit,
          select: { slug: true, updatedAt: true },
        }),
    },
    listing: { listPapers: (query) => listPapers(db, query) },
    authors: authorStore(modelApi(db), {
      get: () => authorIndexes.get(ctx),
      set: (state) => authorIndexes.set(ctx, state),
    }),
    topics: {
      listTopics: () => listTopics(modelApi(db)),
      topicBySlug: (slug) => topicBySlug(db, slug),
      async catalogue() {
        const rows = await db.topic.findMany({
          where: { kind: { not: RETIRED_TOPIC } },
          select: { slug: true, label: true, aliases: true },
        });
        return rows.map((topic) => ({ ...topic, aliases: parseJsonList(topic.aliases) }));
      },
      topicChoices: (limit) =>
        db.topic.findMany({
          where: { paperCount: { gt: 0 } },
          orderBy: [{ paperCount: "desc" }, { slug: "asc" }],
          take: limit,
          select: { slug: true, label: true },
        }),
      suggestTopics: (text) => suggestTopics(ctx, text),
      recomputeVocabulary: (now) => recomputeTopicVocabulary(ctx, now),
    },
    trending: pgTrending(db, halfLifeHours),
    search: {
      rankMatches: (query) => rankMatches(db, query),
      vocabulary: (refresh) => searchVocabulary(ctx, refresh),
      async warm() {
        const started = performance.now();
        const vocabulary = await searchVocabulary(ctx);
        return { ms: performance.now() - started, words: vocabulary.size };
      },
    },
    related: {
      relatedPapers: (paperId) => relatedPapers(db, paperId),
      similarTo: (text, limit) => similarTo(ctx, text, limit),
      rebuildRelated: () => rebuildRelated(ctx),
    },
    subscribers: pgSubscribers(db),
    digest: pgDigest(db),
    fetchLog: {
      start: async (source, at) =>
        (await db.fetchLog.create({ data: { source, startedAt: at, status: "running" }, select: { id: true } })).id,
      finish: async (id, at, outcome) =>
        void (await db.fetchLog.update({ where: { id }, data: { finishedAt: at, ...outcome } })),
    },
    leases: pgLeases(db),
    rateLimits: pgRateLimits(db),
    close: () => db.$disconnect(),
  };
}
