// Test data for digest tests: papers with a chosen trending order and age, topics, and subscribers.
import type { Db } from "../../src/server/store/sqlite/prisma-client";
import type { DigestSettings } from "../../src/server/digest/digest-settings";
import { newManageNonce } from "../../src/server/subscriptions/links";

/** 07:00 UTC on a Thursday: the default DIGEST_CRON time. */
export const NOW = new Date("2026-11-26T07:00:00.000Z");
export const HOUR = 3_600_000;
export const APP_URL = "https://papers.example.org";

export function digestTestSettings(overrides: Partial<DigestSettings> = {}): DigestSettings {
  return {
    size: 10,
    maxAttempts: 3,
    timeZone: "UTC",
    appUrl: APP_URL,
    listUnsubscribeMailto: "unsubscribe@papers.example.org",
    concurrency: 2,
    ...overrides,
  };
}

/** A finished run's answer: zero counts except those given. */
export function finishedRun(date: string, counts: { sent?: number; skipped?: number } = {}) {
  return { date, status: "finished", sent: 0, skipped: 0, failed: 0, pending: 0, unknown: 0, ...counts };
}

let paperCount = 0;

export interface PaperSpec {
  title: string;
  /** Higher = more trending. */
  trendKey: number;
  firstSeenAt?: Date;
  topics?: string[];
  authors?: string[];
  abstract?: string;
}

export async function addTopic(db: Db, slug: string, label = slug): Promise<number> {
  const topic = await db.topic.upsert({ where: { slug }, create: { slug, label, kind: "phrase" }, update: {} });
  return topic.id;
}

export async function addPaper(db: Db, spec: PaperSpec): Promise<number> {
  paperCount += 1;
  const seen = spec.firstSeenAt ?? new Date(NOW.getTime() - 2 * HOUR);
  const abstract = spec.abstract ?? `We study ${spec.title.toLowerCase()} and report results on standard benchmarks.`;
  const authors = spec.authors ?? ["Ada Lovelace", "Alan Turing"];
  const paper = await db.paper.create({
    data: {
      slug: `paper-${paperCount}-${spec.title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`.slice(0, 80),
      title: spec.title,
      abstract,
      titleText: spec.title,
      abstractText: abstract,
      authors: JSON.stringify(authors),
      authorsText: authors.join(", "),
      titleKey: `${spec.title.toLowerCase()} ${paperCount}`,
      firstSeenAt: seen,
      feedAt: seen,
      sourceName: "arxiv",
      trendKey: spec.trendKey,
    },
  });
  for (const slug of spec.topics ?? []) {
    const topicId = await addTopic(db, slug, slug[0]!.toUpperCase() + slug.slice(1));
    await db.paperTopic.create({ data: { paperId: paper.id, topicId } });
  }
  return paper.id;
}

/** `count` papers titled "Paper 1".."Paper n", most trending first. */
export async function addPapers(db: Db, count: number, firstSeenAt?: Date): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 1; i <= count; i++)
    ids.push(await addPaper(db, { title: `Paper ${i}`, trendKey: 100 - i, firstSeenAt }));
  return ids;
}

export interface SubscriberSpec {
  email: string;
  status?: "pending" | "active" | "paused" | "unsubscribed";
  topics?: string[];
  /** A saved search ("" by default) and followed authors. */
  query?: string;
  authors?: string[];
  cadence?: "daily" | "weekly";
  weekday?: string;
  lastDigestAt?: Date | null;
}

export async function addSubscriber(db: Db, spec: SubscriberSpec) {
  return db.subscriber.create({
    data: {
      email: spec.email,
      status: spec.status ?? "active",
      topics: JSON.stringify(spec.topics ?? []),
      query: spec.query ?? "",
      authors: JSON.stringify(spec.authors ?? []),
      cadence: spec.cadence ?? "daily",
      weekday: spec.weekday ?? "mon",
      createdAt: new Date(NOW.getTime() - 48 * HOUR),
      confirmedAt: spec.status === "pending" ? null : new Date(NOW.getTime() - 47 * HOUR),
      manageTokenHash: newManageNonce(),
      lastDigestAt: spec.lastDigestAt ?? null,
    },
  });
}

/** Subscribers "reader1@example.com".."readerN@example.com". */
export async function addReaders(db: Db, count: number): Promise<string[]> {
  const emails: string[] = [];
  for (let i = 1; i <= count; i++) {
    emails.push(`reader${i}@example.com`);
    await addSubscriber(db, { email: `reader${i}@example.com` });
  }
  return emails;
}
