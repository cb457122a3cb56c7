// The warm side of search on PostgreSQL, as on SQLite (sqlite/search/search-index.ts): the corpus
// vocabulary for completion and typo correction, built from the newest papers in the database and extended
// with papers added since (by id), shared by every request of this process.
import { TermVocabulary } from "@/domain/search/term-vocabulary";
import { addNewPapers, VOCABULARY_SAMPLE } from "@/server/store/sqlite/search/search-index";
import { modelApi } from "@/server/store/postgres/model-api";
import { contextCache, poolOf, type PgContext } from "@/server/store/postgres/pg-client";

interface IndexState {
  vocabulary: TermVocabulary;
  lastPaperId: number;
  refreshing?: Promise<void>;
}
const indexes = contextCache<IndexState>("search-vocabulary");

export async function searchVocabulary(ctx: PgContext, refresh = true): Promise<TermVocabulary> {
  let state = indexes.get(ctx);
  if (!state) {
    const newest = await ctx.db.paper.aggregate({ _max: { id: true } });
    state = { vocabulary: new TermVocabulary(), lastPaperId: Math.max(0, (newest._max.id ?? 0) - VOCABULARY_SAMPLE) };
    indexes.set(ctx, state);
  } else if (!refresh && !state.refreshing) {
    return state.vocabulary;
  }
  const current = state;
  current.refreshing ??= addPapersSince(ctx, current).finally(() => {
    current.refreshing = undefined;
  });
  await current.refreshing;
  return current.vocabulary;
}

/**
 * A search with a word the vocabulary lacks (every typo) refreshes it first. Most often nothing was added:
 * the newest id, one statement on the pool, says so more cheaply than a query through Prisma (pg-client.ts).
 */
async function addPapersSince(ctx: PgContext, state: IndexState): Promise<void> {
  const { rows } = await poolOf(ctx.db).query<{ newest: number | null }>(`SELECT max("id") AS newest FROM "Paper"`);
  if ((rows[0]?.newest ?? 0) > state.lastPaperId) await addNewPapers(modelApi(ctx.db), state);
}
