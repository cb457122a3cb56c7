// SQLite-specific fast path of the ingest: its own better-sqlite3 connection to the same file, because
// Prisma's per-statement overhead would cap imports far below 2,000 papers/s. Each batch is one
// synchronous BEGIN IMMEDIATE ... COMMIT, so it can never interleave with a Prisma transaction's awaits.
import Database from "better-sqlite3";
import type { Db } from "@/server/store/sqlite/prisma-client";
import { importTimings } from "@/server/store/step-timings";
import { retryWhenBusy } from "@/server/store/sqlite/busy-policy";
import { fileOf, openBatchConnection } from "@/server/store/sqlite/direct-connection";
import { relatedPipelineOf } from "@/server/store/sqlite/related/related-pipeline";
import { TopicLinkWriter } from "@/server/store/sqlite/topics/topic-link-writer";

/** Columns the merge plan reads from a stored paper. */
export interface CandidateRow {
  id: number;
  titleKey: string;
  arxivId: string | null;
  authors: string;
  sourceUrl: string | null;
  pdfUrl: string | null;
  doi: string | null;
  primaryCategory: string | null;
  categories: string;
  comment: string | null;
  codeUrl: string | null;
  keywords: string;
  publishedAt: string | null;
}

export type PaperInsert = Record<
  | "slug"
  | "title"
  | "abstract"
  | "titleText"
  | "abstractText"
  | "titleKey"
  | "authors"
  | "authorsText"
  | "topicsText"
  | "categories"
  | "keywords"
  | "sourceName",
  string
> &
  Record<
    "arxivId" | "sourceUrl" | "pdfUrl" | "doi" | "primaryCategory" | "comment" | "codeUrl" | "publishedAt",
    string | null
  > & {
    firstSeenAt: string;
    feedAt: string;
    sourceRank: number | null;
    trendKey: number;
  };

export interface EventInsert {
  paperId: number;
  kind: string;
  at: string;
  weight: number;
  value: number | null;
  source: string;
}

const CHUNK = 5_000;
/** A batch dirties more pages (rows, 7 indexes, FTS segments) than the default 2 MB cache holds. */
const WRITER_CACHE_KIB = 32_768;
const PAPER_COLUMNS = [
  "slug",
  "title",
  "abstract",
  "titleText",
  "abstractText",
  "titleKey",
  "authors",
  "authorsText",
  "topicsText",
  "categories",
  "sourceName",
  "arxivId",
  "sourceUrl",
  "pdfUrl",
  "doi",
  "primaryCategory",
  "comment",
  "codeUrl",
  "keywords",
  "publishedAt",
  "firstSeenAt",
  "feedAt",
  "sourceRank",
  "trendKey",
] as const;

export class PaperBulkWriter {
  /** Topic links written in the same transaction as the papers they tag. */
  readonly topics: TopicLinkWriter;

  constructor(private readonly sqlite: Database.Database) {
    this.topics = new TopicLinkWriter(sqlite);
  }

  findCandidates(arxivIds: readonly string[], titleKeys: readonly string[]): CandidateRow[] {
    const rows = new Map<number, CandidateRow>();
    const columns = `"id", "titleKey", "arxivId", "authors", "sourceUrl", "pdfUrl", "doi", "primaryCategory", "categories", "comment", "codeUrl", "keywords", "publishedAt"`;
    for (const [column, values] of [
      ["arxivId", arxivIds],
      ["titleKey", titleKeys],
    ] as const) {
      for (const chunk of chunks(values)) {
        const found = this.sqlite
          .prepare(`SELECT ${columns} FROM "Paper" WHERE "${column}" IN (${marks(chunk.length)})`)
          .all(...chunk) as CandidateRow[];
        found.forEach((row) => rows.set(row.id, row));
      }
    }
    return [...rows.values()].sort((a, b) => a.id - b.id);
  }

  takenSlugs(slugs: readonly string[]): Set<string> {
    const taken = new Set<string>();
    for (const chunk of chunks(slugs)) {
      const rows = this.sqlite
        .prepare(`SELECT "slug" FROM "Paper" WHERE "slug" IN (${marks(chunk.length)})`)
        .all(...chunk) as { slug: string }[];
      rows.forEach((row) => taken.add(row.slug));
    }
    return taken;
  }

  /** Slugs that start with `prefix` (slugs are [a-z0-9-], so GLOB needs no escaping and uses the index). */
  slugsStartingWith(prefix: string): Set<string> {
    const rows = this.sqlite.prepare(`SELECT "slug" FROM "Paper" WHERE "slug" GLOB ?`).all(`${prefix}*`) as {
      slug: string;
    }[];
    return new Set(rows.map((row) => row.slug));
  }

  insertPapers(papers: readonly PaperInsert[], now: string): number[] {
    const insert = this.sqlite.prepare(
      `INSERT INTO "Paper" (${PAPER_COLUMNS.map((c) => `"${c}"`).join(", ")}, "updatedAt") VALUES (${marks(PAPER_COLUMNS.length + 1)}) RETURNING "id"`,
    );
    return papers.map(
      (paper) => (insert.get(...PAPER_COLUMNS.map((column) => paper[column]), now) as { id: number }).id,
    );
  }

  updatePaper(id: number, changes: Partial<PaperInsert>, now: string): void {
    const columns = Object.keys(changes) as (keyof PaperInsert)[];
    if (columns.length === 0) return;
    const assignments = [...columns.map((c) => `"${c}" = ?`), `"updatedAt" = ?`].join(", ");
    this.sqlite
      .prepare(`UPDATE "Paper" SET ${assignments} WHERE "id" = ?`)
      .run(...columns.map((c) => changes[c] ?? null), now, id);
  }

  trendKeys(ids: readonly number[]): Map<number, number> {
    const keys = new Map<number, number>();
    for (const chunk of chunks(ids)) {
      const rows = this.sqlite
        .prepare(`SELECT "id", "trendKey" FROM "Paper" WHERE "id" IN (${marks(chunk.length)})`)
        .all(...chunk) as { id: number; trendKey: number }[];
      rows.forEach((row) => keys.set(row.id, row.trendKey));
    }
    return keys;
  }

  /** Records new papers as still to be indexed (topics, related lists), in the batch's own transaction. */
  markPendingIndex(paperIds: readonly number[], tagged: ReadonlySet<number>): void {
    const insert = this.sqlite.prepare(`INSERT OR IGNORE INTO "PendingIndex" ("paperId", "tagged") VALUES (?, ?)`);
    for (const id of paperIds) insert.run(id, tagged.has(id) ? 1 : 0);
  }

  insertEvents(events: readonly EventInsert[]): void {
    const insert = this.sqlite.prepare(
      `INSERT INTO "PaperEvent" ("paperId", "kind", "at", "anchorAt", "weight", "value", "source") VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const e of events) insert.run(e.paperId, e.kind, e.at, e.at, e.weight, e.value, e.source);
  }

  /** "paperId:kind" of import signals `source` recorded for these papers since `since`. */
  recentObservations(paperIds: readonly number[], source: string, since: string): Set<string> {
    const seen = new Set<string>();
    for (const chunk of chunks(paperIds)) {
      const rows = this.sqlite
        .prepare(
          `SELECT "paperId", "kind" FROM "PaperEvent" WHERE "paperId" IN (${marks(chunk.length)}) AND "kind" IN ('source_rank', 'hf_upvotes') AND "source" = ? AND "at" >= ?`,
        )
        .all(...chunk, source, since) as { paperId: number; kind: string }[];
      rows.forEach((row) => seen.add(`${row.paperId}:${row.kind}`));
    }
    return seen;
  }
}

/**
 * Runs `work` in one transaction: on the bulk import's one writer connection while one runs
 * (related-pipeline.ts), else on a short-lived connection to `db`'s file. The write lock is awaited
 * asynchronously (the connection's busy timeout is 0), then the work runs without yielding.
 * `write: false` gives a read snapshot that is rolled back (the importer's dry run).
 */
export async function withPaperWriter<T>(
  db: Db,
  work: (writer: PaperBulkWriter) => T,
  { write = true } = {},
): Promise<T> {
  const shared = relatedPipelineOf(db)?.writer;
  const sqlite = shared ?? openBatchConnection(fileOf(db), WRITER_CACHE_KIB);
  try {
    await importTimings.timeAsync("batch: BEGIN (waiting for the write lock)", () =>
      retryWhenBusy(() => sqlite.exec(write ? "BEGIN IMMEDIATE" : "BEGIN")),
    );
    try {
      const result = work(new PaperBulkWriter(sqlite));
      importTimings.time("batch: COMMIT", () => sqlite.exec(write ? "COMMIT" : "ROLLBACK"));
      return result;
    } catch (error) {
      if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
      throw error;
    }
  } finally {
    if (!shared) sqlite.close();
  }
}

function chunks<T>(values: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < values.length; start += CHUNK) out.push(values.slice(start, start + CHUNK));
  return out;
}

function marks(count: number): string {
  return Array(count).fill("?").join(", ");
}
