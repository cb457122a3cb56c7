// The warm in-memory side of search: the corpus vocabulary (document frequencies, prefix list and
// typo-correction index). Built once per process on first use from the newest VOCABULARY_SAMPLE
// papers (a word used only in older papers is still found: corrections keep the typed word as an
// alternative), then extended with papers added since, found by id: no request ever rebuilds it.
import { TermVocabulary } from "@/domain/search/term-vocabulary";
import { foldedWords } from "@/domain/search/text-words";
import type { Db } from "@/server/store/sqlite/prisma-client";
import { clientCache, sqliteOf } from "@/server/store/sqlite/direct-connection";
import { dataVersion } from "./window-floor";

interface IndexState {
  vocabulary: TermVocabulary;
  lastPaperId: number;
  /** The database's data version when the vocabulary last caught up: nothing to read while it holds. */
  caughtUpAt?: string;
  refreshing?: Promise<void>;
}

const BUILD_CHUNK = 2_000;
/** Papers read to build the vocabulary: bounds the build at a few seconds however large the store. */
export const VOCABULARY_SAMPLE = 25_000;
const indexes = clientCache<IndexState>("search-vocabulary");

/**
 * The vocabulary; with `refresh`, first extended with papers added since the last refresh (search asks
 * for that only when a query has a word the vocabulary does not know, so known-word queries cost nothing).
 */
export async function searchVocabulary(db: Db, refresh = true): Promise<TermVocabulary> {
  let state = indexes.get(db);
  if (!state) {
    const newest = await db.paper.aggregate({ _max: { id: true } });
    state = { vocabulary: new TermVocabulary(), lastPaperId: Math.max(0, (newest._max.id ?? 0) - VOCABULARY_SAMPLE) };
    indexes.set(db, state);
  } else if (!state.refreshing && (!refresh || state.caughtUpAt === dataVersion(sqliteOf(db)))) {
    return state.vocabulary;
  }
  const current = state;
  // Concurrent requests share one refresh instead of each reading the new papers.
  current.refreshing ??= (async () => {
    const version = dataVersion(sqliteOf(db));
    await addNewPapers(db, current);
    current.caughtUpAt = version;
  })().finally(() => {
    current.refreshing = undefined;
  });
  await current.refreshing;
  return current.vocabulary;
}

/** Builds the index ahead of the first search (e.g. at server start); returns how long it took. */
export async function warmSearchIndex(db: Db): Promise<{ ms: number; words: number }> {
  const started = performance.now();
  const vocabulary = await searchVocabulary(db);
  return { ms: performance.now() - started, words: vocabulary.size };
}

export async function addNewPapers(db: Db, state: IndexState): Promise<void> {
  for (;;) {
    const rows = await db.paper.findMany({
      where: { id: { gt: state.lastPaperId } },
      orderBy: { id: "asc" },
      take: BUILD_CHUNK,
      select: { id: true, titleText: true, abstractText: true, authorsText: true, topicsText: true },
    });
    for (const row of rows) {
      state.vocabulary.addDocument(
        foldedWords(`${row.titleText} ${row.abstractText} ${row.authorsText} ${row.topicsText}`),
      );
      state.lastPaperId = row.id;
      // Papers are not deleted, so the highest id is the store's size.
      state.vocabulary.corpusSize = row.id;
    }
    if (rows.length < BUILD_CHUNK) return;
  }
}
