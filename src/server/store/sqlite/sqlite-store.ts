// The SQLite store: one Prisma client (with its direct better-sqlite3 connection for hot paths) per
// database file, every area of the Store interface bound to it, and the migrations applied before use.
import { RETIRED_TOPIC } from "@/server/store/topics";
import { paperTrendHistory } from "./trending/trend-history";
import { SIGNAL_WEIGHTS } from "@/domain/trending";
import type { Store, StoreSettings } from "@/server/store/store";
import { databaseFile } from "./database-file";
import { clientCache, closeSqliteOf } from "./direct-connection";
import { sqliteLeases } from "./leases";
import { sqliteRateLimits } from "./rate-limits";
import { applyMigrations } from "./migrate";
import { openDb, type Db } from "./prisma-client";
import { bulkImport, indexPendingPapers } from "./papers/paper-indexing";
import { listPapers, papersInOrder } from "./papers/paper-listing";
import { paperById, paperBySlug } from "./papers/paper-lookup";
import { addPapers, previewPapers } from "./papers/paper-store";
import { rebuildRelated, relatedPapers, similarTo } from "./related/related-store";
import { rankMatches } from "./search/rank-matches";
import { scoredMatch } from "./search/scored-match";
import { searchVocabulary, warmSearchIndex } from "./search/search-index";
import { sqliteDigest } from "./sqlite-digest";
import { sqliteSubscribers } from "./sqlite-subscribers";
import { listTopics, topicBySlug } from "./topics/topic-queries";
import { recomputeTopicVocabulary } from "./topics/topic-store";
import { suggestTopics } from "./topics/topic-suggestions";
import { recordClickOnce, recordSignals } from "./trending/signals";
import { rebuildTrendKeys } from "./trending/trend-keys-rebuild";
import { explainTrending } from "./trending/trending-explain";
import { recordView } from "./trending/views";
import { removeVote, upvote, voteState, voteStates, votedPaperIds } from "./trending/votes";
import { parseJsonList } from "./papers/paper-rows";
import { authorStore, type AuthorIndexCache } from "./papers/author-store";

const authorIndexes = clientCache<ReturnType<AuthorIndexCache["get"]> & object>("author-index");

export interface SqliteStore extends Store {
  readonly file: string;
  /** The Prisma client underneath, for tests that check rows directly. */
  readonly db: Db;
}

/** Opens the database at a `file:` URL, migrating it first (safe while other processes use it). */
export async function openSqliteStore(url: string, settings: StoreSettings): Promise<SqliteStore> {
  const file = databaseFile(url);
  await applyMigrations(file);
  return sqliteStoreOn(await openDb(file, settings.onStatement), file, settings);
}

function sqliteStoreOn(db: Db, file: string, { halfLifeHours }: StoreSettings): SqliteStore {
  return {
    file,
    db,
    papers: {
      paperBySlug: (slug) => paperBySlug(db, slug),
      paperById: (id) => paperById(db, id),
      papersInOrder: (ids) => papersInOrder(db, ids),
      countPapers: () => db.paper.count(),
      addPapers: (papers, options) => addPapers(db, papers, options),
      previewPapers: (papers) => previewPapers(db, papers),
      indexPending: (now) => indexPendingPapers(db, now),
      bulkImport: (now, work) => bulkImport(db, now, work),
      newestSlugs: (limit, offset = 0) =>
        db.paper.findMany({
          orderBy: [{ feedAt: "desc" }, { id: "desc" }],
          skip: offset,
          take: limit,
          select: { slug: true, updatedAt: true },
        }),
    },
    listing: { listPapers: (query) => listPapers(db, query) },
    authors: authorStore(db, { get: () => authorIndexes.get(db), set: (state) => authorIndexes.set(db, state) }),
    topics: {
      listTopics: () => listTopics(db),
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
      suggestTopics: (text) => suggestTopics(db, text),
      recomputeVocabulary: (now) => recomputeTopicVocabulary(db, now),
    },
    trending: {
      upvote: (paperId, visitorId, now) => upvote(db, paperId, visitorId, now, halfLifeHours),
      removeVote: (paperId, visitorId, now) => removeVote(db, paperId, visitorId, now, halfLifeHours),
      voteState: (paperId, visitorId) => voteState(db, paperId, visitorId),
      votedPaperIds: (visitorId, paperIds) => votedPaperIds(db, visitorId, paperIds),
      voteStates: (visitorId, paperIds) => voteStates(db, visitorId, paperIds),
      recordView: (input) => recordView(db, input, halfLifeHours),
      recordSignals: (signals) => recordSignals(db, signals, halfLifeHours),
      async recordClickOnce(paperId, source, now) {
        const paper = await db.paper.findUnique({ where: { id: paperId }, select: { id: true, slug: true } });
        if (!paper) return null;
        await recordClickOnce(
          db,
          { paperId, kind: "click", at: now, weight: SIGNAL_WEIGHTS.click, source },
          halfLifeHours,
        );
        return paper.slug;
      },
      explainTrending: (paperIds, now) => explainTrending(db, paperIds, now, halfLifeHours),
      trendHistory: (paperIds, now) => paperTrendHistory(db, paperIds, now, halfLifeHours),
      rebuildTrendKeys: () => rebuildTrendKeys(db, halfLifeHours),
    },
    search: {
      rankMatches: async (q) => {
        const match = scoredMatch(q.slots, q.mode, await searchVocabulary(db, false));
        return rankMatches(db, match, q.estimatedMatches, q.filter, q.order, q.limit, q.offset);
      },
      vocabulary: (refresh) => searchVocabulary(db, refresh),
      warm: () => warmSearchIndex(db),
    },
    related: {
      relatedPapers: (paperId) => relatedPapers(db, paperId),
      similarTo: (text, limit) => similarTo(db, text, limit),
      rebuildRelated: () => rebuildRelated(db),
    },
    subscribers: sqliteSubscribers(db),
    digest: sqliteDigest(db),
    fetchLog: {
      start: async (source, at) =>
        (await db.fetchLog.create({ data: { source, startedAt: at, status: "running" }, select: { id: true } })).id,
      finish: async (id, at, outcome) =>
        void (await db.fetchLog.update({ where: { id }, data: { finishedAt: at, ...outcome } })),
    },
    leases: sqliteLeases(db),
    rateLimits: sqliteRateLimits(db),
    async close() {
      closeSqliteOf(db);
      await db.$disconnect();
    },
  };
}
