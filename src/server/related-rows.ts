// Writes related-list rows. SQLite-specific: each statement takes its rows as one JSON parameter and
// unpacks them with json_each, which is several times cheaper than thousands of bound parameters.
import type { Db } from "./db";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export interface RelatedRow {
  paperId: number;
  rank: number;
  relatedId: number;
  score: number;
}

/** Rows per statement: keeps each JSON parameter to a few hundred kilobytes. */
const ROWS_PER_STATEMENT = 5000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Inserts rows, replacing whatever held the same (paperId, rank). */
export async function upsertRelatedRows(tx: Tx, rows: readonly RelatedRow[]): Promise<void> {
  for (const chunk of chunks(rows, ROWS_PER_STATEMENT)) {
    await tx.$executeRawUnsafe(
      `INSERT INTO "RelatedPaper" ("paperId", "rank", "relatedId", "score")
       SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), json_extract(value, '$[3]')
       FROM json_each(?) WHERE true
       ON CONFLICT ("paperId", "rank") DO UPDATE SET "relatedId" = excluded."relatedId", "score" = excluded."score"`,
      JSON.stringify(chunk.map((row) => [row.paperId, row.rank, row.relatedId, row.score])),
    );
  }
}

/** Deletes the rows at these (paperId, rank) places. */
export async function deleteRelatedRows(tx: Tx, places: readonly [paperId: number, rank: number][]): Promise<void> {
  for (const chunk of chunks(places, ROWS_PER_STATEMENT)) {
    await tx.$executeRawUnsafe(
      `DELETE FROM "RelatedPaper" WHERE ("paperId", "rank") IN
       (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?))`,
      JSON.stringify(chunk),
    );
  }
}
