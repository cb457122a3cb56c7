// The /digest pages read editions through here. Today's edition ranks up to 3,000 papers of the last day and
// a past one tallies every delivery of its run: work that is the same for every visitor, so each is computed
// once a minute per process and shared (figures in docs/benchmarks.md, "The /digest page").
import { digestDateOf } from "@/domain/digest/digest-date";
import { createSharedCache, type SharedCache } from "@/server/platform/shared-cache";
import type { ArchivedEdition } from "@/server/store/digest";
import type { Store } from "@/server/store/store";
import { todayEdition } from "./digest-editions";
import type { DigestSettings } from "./digest-settings";

/** How stale a page may be: votes and views move today's order slowly, and a run adds deliveries over minutes. */
export const EDITION_TTL_MS = 60_000;
/** Past editions are listed 14 at a time; a crawler walking older dates cannot grow the cache past this. */
const MAX_EDITIONS = 64;
/** Papers a past edition lists. */
export const ARCHIVE_LIMIT = 20;

type EditionStore = Pick<Store, "listing" | "topics" | "search" | "digest">;
type TodayPage = { edition: Awaited<ReturnType<typeof todayEdition>>; archive: string[] };

interface EditionCaches {
  today: SharedCache<TodayPage>;
  archived: SharedCache<ArchivedEdition | null>;
}

const cachesByStore = new WeakMap<EditionStore, EditionCaches>();

function cachesOf(store: EditionStore): EditionCaches {
  let caches = cachesByStore.get(store);
  if (!caches) {
    caches = {
      today: createSharedCache({ ttlMs: EDITION_TTL_MS, maxEntries: 2 }),
      archived: createSharedCache({ ttlMs: EDITION_TTL_MS, maxEntries: MAX_EDITIONS }),
    };
    cachesByStore.set(store, caches);
  }
  return caches;
}

/** Today's edition and the dates of the latest editions that sent mail, as /digest shows them. */
export function cachedTodayPage(store: EditionStore, now: Date, settings: DigestSettings): Promise<TodayPage> {
  const date = digestDateOf(now, settings.timeZone);
  return cachesOf(store).today.get(date, now, async () => {
    const [edition, recent] = await Promise.all([todayEdition(store, now, settings), store.digest.recentEditions(14)]);
    return { edition, archive: recent.map((run) => run.date) };
  });
}

/** What the run of `date` sent, or null when there was none. */
export function cachedArchivedEdition(store: EditionStore, date: string, now: Date): Promise<ArchivedEdition | null> {
  return cachesOf(store).archived.get(date, now, () => store.digest.archivedEdition(date, ARCHIVE_LIMIT));
}
