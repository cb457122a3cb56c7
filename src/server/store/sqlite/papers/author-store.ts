// The author area on either engine: an in-process index of every paper's author list (AuthorIndex), built on
// first use and extended with papers added since, found by id, before each answer. Kept in memory rather than
// in a table so imports write nothing more (ingest stays at its measured rate); ~100 bytes per authorship.
// A paper whose author list is filled in later by a merge (it had none) is indexed when the process restarts.
import { AuthorIndex } from "@/domain/authors/author-index";
import { parseJsonList } from "@/domain/json-list";
import type { AuthorStore } from "@/server/store/authors";
import type { Db } from "@/server/store/sqlite/prisma-client";

interface IndexState {
  index: AuthorIndex;
  lastPaperId: number;
  refreshing?: Promise<void>;
}

/** Where a store keeps its index: the SQLite client's cache, or the PostgreSQL context's. */
export interface AuthorIndexCache {
  get(): IndexState | undefined;
  set(state: IndexState): void;
}

const BUILD_CHUNK = 5_000;

export function authorStore(db: Db, cache: AuthorIndexCache): AuthorStore {
  const current = async (): Promise<AuthorIndex> => {
    let state = cache.get();
    if (!state) cache.set((state = { index: new AuthorIndex(), lastPaperId: 0 }));
    const target = state;
    // Concurrent requests share one refresh instead of each reading the new papers.
    target.refreshing ??= addNewPapers(db, target).finally(() => {
      target.refreshing = undefined;
    });
    await target.refreshing;
    return target.index;
  };
  return {
    paperIdsBy: async (keys) => (await current()).papersBy(keys),
    author: async (key) => (await current()).author(key),
  };
}

async function addNewPapers(db: Db, state: IndexState): Promise<void> {
  for (;;) {
    const rows = await db.paper.findMany({
      where: { id: { gt: state.lastPaperId } },
      orderBy: { id: "asc" },
      take: BUILD_CHUNK,
      select: { id: true, authors: true },
    });
    for (const row of rows) {
      state.index.addPaper(row.id, parseJsonList(row.authors));
      state.lastPaperId = row.id;
    }
    if (rows.length < BUILD_CHUNK) return;
  }
}
