// The paper texts a vocabulary recomputation reads (the newest papers to extract from, the papers to
// back-fill), read on the direct SQLite connection: Prisma spent ~60 µs decoding each wide row, more than
// matching the paper against the vocabulary. Reads only: in WAL mode they never wait for a writer.
import type { Db } from "@/server/store/sqlite/prisma-client";
import { sqliteOf } from "@/server/store/sqlite/direct-connection";

export interface PaperText {
  id: number;
  titleText: string;
  abstractText: string;
  /** JSON array of arXiv category codes, as stored. */
  categories: string;
}

/** Title, abstract and source keywords (JSON) of the `limit` newest papers, newest first. */
export function newestPaperTexts(
  db: Db,
  limit: number,
): { titleText: string; abstractText: string; keywords: string }[] {
  return sqliteOf(db)
    .prepare(`SELECT "titleText", "abstractText", "keywords" FROM "Paper" ORDER BY "id" DESC LIMIT ?`)
    .all(limit) as { titleText: string; abstractText: string; keywords: string }[];
}

/** The texts of the given papers (those that exist), in id order. */
export function paperTextsByIds(db: Db, ids: readonly number[]): PaperText[] {
  return sqliteOf(db)
    .prepare(
      `SELECT "id", "titleText", "abstractText", "categories" FROM "Paper" WHERE "id" IN (SELECT value FROM json_each(?)) ORDER BY "id"`,
    )
    .all(JSON.stringify(ids)) as PaperText[];
}
