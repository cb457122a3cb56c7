// Topics on PostgreSQL: the same vocabulary rules as SQLite (topic-store.ts there: append-only topics,
// recomputed when the corpus doubles), with tagging SQL of this engine and back-fill through the search vector.
import Fuse from "fuse.js";
import type { TopicRef } from "@/domain/paper";
import { extractTopicVocabulary } from "@/domain/topics/extract-vocabulary";
import { TopicMatcher } from "@/domain/topics/topic-matcher";
import { foldedWords } from "@/domain/search/text-words";
import { parseJsonList } from "@/domain/json-list";
import { tagsOfPapers } from "@/server/store/sqlite/topics/topic-tagging";
import { EXTRACTION_SAMPLE, isRecomputeDue, mergeDefinitions } from "@/server/store/sqlite/topics/topic-store";
import { modelApi } from "@/server/store/postgres/model-api";
import { contextCache, inPoolTransaction, poolOf, type PgContext, type PgDb } from "@/server/store/postgres/pg-client";
import { addTags, categoryTopicIds } from "./topic-tagging";
import { papersMentioning } from "@/server/store/postgres/search/pg-search";

const TEXT_CHUNK = 500;
const VOCABULARY_LOCK = 7_131_304;
const matchers = contextCache<{ version: number; matcher: TopicMatcher }>("topic-matcher");

export async function tagNewPapers(ctx: PgContext, paperIds: readonly number[], now: Date): Promise<void> {
  if (paperIds.length === 0) return;
  const state = await vocabularyState(ctx.db);
  if (isRecomputeDue(state.corpusSize, state.lastCorpusSize)) await recomputeTopicVocabulary(ctx, now);
  await tagPapers(ctx.db, paperIds, await currentMatcher(ctx));
}

export async function recomputeTopicVocabulary(
  ctx: PgContext,
  now: Date,
): Promise<{ topics: number; newSpellings: number; tagged: number }> {
  const { db } = ctx;
  const docs = await db.$queryRawUnsafe<{ titleText: string; abstractText: string; keywords: string }[]>(
    `SELECT "titleText", "abstractText", "keywords" FROM "Paper" ORDER BY "id" DESC LIMIT $1`,
    EXTRACTION_SAMPLE,
  );
  const definitions = extractTopicVocabulary(
    docs.map((d) => ({ title: d.titleText, abstract: d.abstractText, keywords: parseJsonList(d.keywords) })),
  );
  // One instance merges at a time: two would both create the same new topics.
  const changed = await db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${VOCABULARY_LOCK})`);
      return mergeDefinitions(modelApi(tx as unknown as PgDb), definitions);
    },
    { timeout: 300_000, maxWait: 300_000 },
  );
  matchers.delete(ctx);
  const matcher = await currentMatcher(ctx, true);
  const candidates = await papersMentioning(
    db,
    changed.flatMap((c) => c.spellings.map(foldedWords)),
  );
  const changedIds = new Set(changed.map((c) => c.topicId));
  const tagged = await tagPapers(db, candidates, matcher, (topicId) => changedIds.has(topicId));
  const { corpusSize } = await vocabularyState(db);
  await db.topicVocabularyRun.create({
    data: { computedAt: now, paperCount: corpusSize, topicCount: await db.topic.count() },
  });
  matchers.delete(ctx);
  return { topics: definitions.length, newSpellings: changed.reduce((n, c) => n + c.spellings.length, 0), tagged };
}

async function tagPapers(
  db: PgDb,
  paperIds: readonly number[],
  matcher: TopicMatcher,
  onlyTopic?: (topicId: number) => boolean,
): Promise<number> {
  let added = 0;
  for (let i = 0; i < paperIds.length; i += TEXT_CHUNK) {
    const { rows: papers } = await poolOf(db).query<{
      id: number;
      titleText: string;
      abstractText: string;
      categories: string;
    }>(
      `SELECT "id", "titleText", "abstractText", "categories" FROM "Paper" WHERE "id" = ANY($1::int[]) ORDER BY "id"`,
      [paperIds.slice(i, i + TEXT_CHUNK)],
    );
    added += await inPoolTransaction(db, async (tx) => {
      const categories = onlyTopic
        ? new Map<string, number>()
        : await categoryTopicIds(
            tx,
            papers.flatMap((p) => parseJsonList(p.categories)),
          );
      return addTags(tx, tagsOfPapers(papers, matcher, categories, onlyTopic));
    });
  }
  return added;
}

export async function vocabularyState(
  db: PgDb,
): Promise<{ corpusSize: number; lastCorpusSize: number | null; version: number }> {
  // max("id") by hand: Prisma's aggregate wraps it in a subquery that reads the whole table (50 ms at 100k papers).
  const [papers, lastRun] = await Promise.all([
    db.$queryRawUnsafe<{ max: number | null }[]>(`SELECT max("id") AS "max" FROM "Paper"`),
    db.topicVocabularyRun.findFirst({ orderBy: { id: "desc" }, select: { id: true, paperCount: true } }),
  ]);
  return { corpusSize: papers[0]?.max ?? 0, lastCorpusSize: lastRun?.paperCount ?? null, version: lastRun?.id ?? 0 };
}

export async function currentMatcher(ctx: PgContext, reload = false): Promise<TopicMatcher> {
  const { version } = await vocabularyState(ctx.db);
  const cached = matchers.get(ctx);
  if (cached && cached.version === version && !reload) return cached.matcher;
  const topics = await ctx.db.topic.findMany({
    where: { kind: "phrase" },
    select: { id: true, label: true, aliases: true },
  });
  const matcher = new TopicMatcher(
    topics.map((t) => ({ id: t.id, label: t.label, aliases: parseJsonList(t.aliases) })),
  );
  matchers.set(ctx, { version, matcher });
  return matcher;
}

const suggestions = contextCache<{
  topicCount: number;
  fuse: Fuse<{ slug: string; label: string; names: string[] }>;
  popular: TopicRef[];
}>("topic-suggestions");

/** Topics whose names are closest to `text` (fuse.js over labels and aliases), else the largest. */
export async function suggestTopics(ctx: PgContext, text: string): Promise<TopicRef[]> {
  const topicCount = await ctx.db.topic.count({ where: { paperCount: { gt: 0 } } });
  let index = suggestions.get(ctx);
  if (!index || index.topicCount !== topicCount) {
    const topics = await ctx.db.topic.findMany({
      where: { paperCount: { gt: 0 } },
      orderBy: { paperCount: "desc" },
      select: { slug: true, label: true, aliases: true },
    });
    const entries = topics.map((t) => ({
      slug: t.slug,
      label: t.label,
      names: [t.label, ...parseJsonList(t.aliases)],
    }));
    index = {
      topicCount,
      fuse: new Fuse(entries, { keys: ["names"], threshold: 0.4, ignoreLocation: true }),
      popular: entries.slice(0, 5).map(({ slug, label }) => ({ slug, label })),
    };
    suggestions.set(ctx, index);
  }
  const found =
    text.trim() === ""
      ? []
      : index.fuse.search(text.slice(0, 32), { limit: 5 }).map((h) => ({ slug: h.item.slug, label: h.item.label }));
  return found.length > 0 ? found : index.popular;
}
