// Work that follows new papers into the store: topic tagging (topic-store.ts) and related-paper lists.
// The FTS index needs nothing here: triggers keep it in sync inside the insert itself. Papers the store
// already tagged inside its transaction (topic-pretagging.ts) skip tagging; the others' topicsText
// update re-indexes their topics the same way.
import type { Db } from "./db";
import { refreshRelated } from "./related-store";
import { tagNewPapers } from "./topic-store";

/** Called after a batch of papers was added (outside the batch's transaction). */
export async function indexNewPapers(
  db: Db,
  paperIds: readonly number[],
  now: Date = new Date(),
  tagged: ReadonlySet<number> = new Set(),
): Promise<void> {
  if (paperIds.length === 0) return;
  await tagNewPapers(
    db,
    paperIds.filter((id) => !tagged.has(id)),
    now,
  );
  await refreshRelated(db, paperIds);
}
