// Topic writes inside the paper store's own transaction (paper-bulk-writer's better-sqlite3 connection):
// the same rows topic-tagging.ts writes through Prisma, with prepared statements, because at ~0.5 ms per
// Prisma statement tagging used to cost more than storing and indexing the papers.
import type Database from "better-sqlite3";
import { categoryTopic, isArxivCategory } from "@/domain/topics/arxiv-categories";

export interface StoredTopic {
  id: number;
  slug: string;
  label: string;
  /** JSON array of spellings, as stored. */
  aliases: string;
}

export interface TopicLink {
  paperId: number;
  topicId: number;
  weight: number;
}

export class TopicLinkWriter {
  constructor(private readonly sqlite: Database.Database) {}

  /** The latest vocabulary computation: its id versions the vocabulary, its paperCount dates it. */
  lastVocabularyRun(): { id: number; paperCount: number } | undefined {
    return this.sqlite
      .prepare(`SELECT "id", "paperCount" FROM "TopicVocabularyRun" ORDER BY "id" DESC LIMIT 1`)
      .get() as { id: number; paperCount: number } | undefined;
  }

  /** The id the next inserted paper gets: AUTOINCREMENT ids continue above every id ever used. */
  nextPaperId(): number {
    const row = this.sqlite
      .prepare(
        `SELECT max(coalesce((SELECT "seq" FROM sqlite_sequence WHERE "name" = 'Paper'), 0), coalesce((SELECT max("id") FROM "Paper"), 0)) AS last`,
      )
      .get() as { last: number };
    return row.last + 1;
  }

  /** Every phrase topic, in id order (the order the matcher is built in). */
  phraseTopics(): StoredTopic[] {
    return this.sqlite
      .prepare(`SELECT "id", "slug", "label", "aliases" FROM "Topic" WHERE "kind" = 'phrase' ORDER BY "id"`)
      .all() as StoredTopic[];
  }

  /** Topics for arXiv category codes, creating the category topics on first sight (as categoryTopicIds does). */
  categoryTopics(codes: Iterable<string>): Map<string, StoredTopic> {
    const wanted = [...new Set(codes)].filter(isArxivCategory).map((code) => ({ code, ...categoryTopic(code) }));
    const found = new Map<string, StoredTopic>();
    if (wanted.length === 0) return found;
    const create = this.sqlite.prepare(
      `INSERT OR IGNORE INTO "Topic" ("slug", "label", "kind", "aliases", "paperCount") VALUES (?, ?, 'category', json_array(?), 0)`,
    );
    const read = this.sqlite.prepare(`SELECT "id", "slug", "label", "aliases" FROM "Topic" WHERE "slug" = ?`);
    for (const topic of wanted) create.run(topic.slug, topic.label, topic.code);
    for (const topic of wanted) {
      const row = read.get(topic.slug) as StoredTopic | undefined;
      if (row) found.set(topic.code, row);
    }
    return found;
  }

  /** Adds the links that do not exist yet and bumps each topic's paperCount by the papers it gained. */
  insertLinks(links: readonly TopicLink[]): number {
    const insert = this.sqlite.prepare(
      `INSERT OR IGNORE INTO "PaperTopic" ("paperId", "topicId", "weight") VALUES (?, ?, ?)`,
    );
    const gained = new Map<number, number>();
    let added = 0;
    for (const link of links) {
      if (insert.run(link.paperId, link.topicId, link.weight).changes === 0) continue;
      gained.set(link.topicId, (gained.get(link.topicId) ?? 0) + 1);
      added++;
    }
    const bump = this.sqlite.prepare(`UPDATE "Topic" SET "paperCount" = "paperCount" + ? WHERE "id" = ?`);
    for (const [topicId, count] of gained) bump.run(count, topicId);
    return added;
  }
}
