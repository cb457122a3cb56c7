// Topics in the store: tags new papers as they arrive (incrementally, against the current vocabulary)
// and recomputes the vocabulary when the corpus has doubled since the last computation.
// Topics are append-only: a recomputation adds new topics and spellings and back-fills them onto the
// papers that mention them (found through the FTS index), but never renames or removes a topic, so
// topic pages and subscribers' choices stay valid.
import { foldedWords } from "@/domain/search/text-words";
import { extractTopicVocabulary } from "@/domain/topics/extract-vocabulary";
import { phraseKey } from "@/domain/topics/phrase-tokens";
import { topicSlug, type TopicDefinition } from "@/domain/topics/topic-definition";
import { TopicMatcher, type MatchableTopic } from "@/domain/topics/topic-matcher";
import type { Db } from "@/server/store/sqlite/prisma-client";
import { clientCache } from "@/server/store/sqlite/direct-connection";
import { parseJsonList } from "@/server/store/sqlite/papers/paper-rows";
import { papersMentioning } from "@/server/store/sqlite/search/fts";
import { newestPaperTexts, paperTextsByIds } from "./topic-corpus-reads";
import { addTags, categoryTopicIds, tagsOfPapers } from "./topic-tagging";

/** The first vocabulary is computed once the store holds this many papers. */
export const MIN_CORPUS_FOR_TOPICS = 20;
/** Recompute when the corpus has grown by this factor since the last computation. */
export const RECOMPUTE_GROWTH = 2;
/** Extraction reads at most this many of the newest papers: enough for stable phrase statistics. */
export const EXTRACTION_SAMPLE = 2_000;
const TEXT_CHUNK = 500;

interface MatcherCache {
  version: number;
  matcher: TopicMatcher;
}
const matchers = clientCache<MatcherCache>("topic-matcher");

/** Tags freshly added papers; recomputes the vocabulary first when it is due. */
export async function tagNewPapers(db: Db, paperIds: readonly number[], now: Date): Promise<void> {
  if (paperIds.length === 0) return;
  await recomputeVocabularyIfDue(db, now);
  await tagPapers(db, paperIds, await currentMatcher(db));
}

/** Recomputes the vocabulary when the corpus has grown enough since the last time; true if it did. */
export async function recomputeVocabularyIfDue(db: Db, now: Date): Promise<boolean> {
  const state = await vocabularyState(db);
  if (!isRecomputeDue(state.corpusSize, state.lastCorpusSize)) return false;
  await recomputeTopicVocabulary(db, now);
  return true;
}

export function isRecomputeDue(corpusSize: number, lastCorpusSize: number | null): boolean {
  if (lastCorpusSize === null) return corpusSize >= MIN_CORPUS_FOR_TOPICS;
  return corpusSize >= Math.max(MIN_CORPUS_FOR_TOPICS, lastCorpusSize * RECOMPUTE_GROWTH);
}

/** Extracts the vocabulary from the newest papers, merges it into the stored topics and back-fills. */
export async function recomputeTopicVocabulary(
  db: Db,
  now: Date,
): Promise<{ topics: number; newSpellings: number; tagged: number }> {
  const docs = newestPaperTexts(db, EXTRACTION_SAMPLE);
  const definitions = extractTopicVocabulary(
    docs.map((d) => ({ title: d.titleText, abstract: d.abstractText, keywords: parseJsonList(d.keywords) })),
  );
  const changed = await mergeDefinitions(db, definitions);
  const matcher = await currentMatcher(db, true);
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
  matchers.delete(db);
  return { topics: definitions.length, newSpellings: changed.reduce((n, c) => n + c.spellings.length, 0), tagged };
}

/** Stores new topics and new spellings of known ones; returns what changed, for back-filling. */
export async function mergeDefinitions(
  db: Db,
  definitions: readonly TopicDefinition[],
): Promise<{ topicId: number; spellings: string[] }[]> {
  const existing = await db.topic.findMany({
    where: { kind: "phrase" },
    select: { id: true, slug: true, label: true, aliases: true },
  });
  const byKey = new Map<string, (typeof existing)[number]>();
  for (const topic of existing)
    for (const spelling of [topic.label, ...parseJsonList(topic.aliases)]) byKey.set(phraseKey(spelling), topic);
  const slugs = new Set((await db.topic.findMany({ select: { slug: true } })).map((t) => t.slug));
  const changed: { topicId: number; spellings: string[] }[] = [];
  for (const def of definitions) {
    const spellings = [def.label, ...def.aliases];
    const known = spellings.map((s) => byKey.get(phraseKey(s))).find((t) => t !== undefined);
    if (known) {
      const fresh = spellings.filter((s) => !byKey.has(phraseKey(s)));
      if (fresh.length === 0) continue;
      const aliases = [...parseJsonList(known.aliases), ...fresh];
      await db.topic.update({ where: { id: known.id }, data: { aliases: JSON.stringify(aliases) } });
      known.aliases = JSON.stringify(aliases);
      for (const s of fresh) byKey.set(phraseKey(s), known);
      changed.push({ topicId: known.id, spellings: fresh });
      continue;
    }
    let slug = topicSlug(def.label);
    for (let n = 2; slugs.has(slug); n++) slug = `${topicSlug(def.label)}-${n}`;
    slugs.add(slug);
    const created = await db.topic.create({
      data: { slug, label: def.label, kind: "phrase", aliases: JSON.stringify(def.aliases) },
    });
    for (const s of spellings) byKey.set(phraseKey(s), created);
    changed.push({ topicId: created.id, spellings });
  }
  return changed;
}

/** Matches papers against the vocabulary (and their arXiv categories) and stores the tags. */
async function tagPapers(
  db: Db,
  paperIds: readonly number[],
  matcher: TopicMatcher,
  onlyTopic?: (topicId: number) => boolean,
): Promise<number> {
  let added = 0;
  for (let i = 0; i < paperIds.length; i += TEXT_CHUNK) {
    const papers = paperTextsByIds(db, paperIds.slice(i, i + TEXT_CHUNK));
    const categories = onlyTopic
      ? new Map<string, number>()
      : await categoryTopicIds(
          db,
          papers.flatMap((p) => parseJsonList(p.categories)),
        );
    const tags = tagsOfPapers(papers, matcher, categories, onlyTopic);
    added += await db.$transaction((tx) => addTags(tx, tags));
  }
  return added;
}

async function vocabularyState(
  db: Db,
): Promise<{ corpusSize: number; lastCorpusSize: number | null; version: number }> {
  const [papers, lastRun] = await Promise.all([
    db.paper.aggregate({ _max: { id: true } }),
    db.topicVocabularyRun.findFirst({ orderBy: { id: "desc" }, select: { id: true, paperCount: true } }),
  ]);
  // Papers are not deleted, so the highest id is the corpus size without counting rows.
  return { corpusSize: papers._max.id ?? 0, lastCorpusSize: lastRun?.paperCount ?? null, version: lastRun?.id ?? 0 };
}

/** The matcher over all phrase topics, cached until the vocabulary changes (in any process). */
async function currentMatcher(db: Db, reload = false): Promise<TopicMatcher> {
  const { version } = await vocabularyState(db);
  const cached = matchers.get(db);
  if (cached && cached.version === version && !reload) return cached.matcher;
  const topics = await db.topic.findMany({
    where: { kind: "phrase" },
    select: { id: true, label: true, aliases: true },
  });
  const matcher = new TopicMatcher(
    topics.map((t): MatchableTopic => ({ id: t.id, label: t.label, aliases: parseJsonList(t.aliases) })),
  );
  matchers.set(db, { version, matcher });
  return matcher;
}
