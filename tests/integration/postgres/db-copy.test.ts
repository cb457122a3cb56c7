// npm run db:copy: a SQLite installation (sample papers with their topics, related lists and events, votes,
// subscribers with their tokens, a digest run with deliveries) moves to PostgreSQL whole, through the CLI.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSampleIfEmpty } from "../../../src/server/papers/sample-data";
import { openPostgresStore, type PostgresStore } from "../../../src/server/store/postgres/postgres-store";
import { addSubscriber } from "../../helpers/digest-fixtures";
import { createTempSqliteDb, emptyPostgresDatabase, type TempDb } from "../../helpers/temp-db";

const execFileAsync = promisify(execFile);
const NOW = new Date("2026-11-20T12:00:00Z");
let source: TempDb;
let target: { url: string; drop(): Promise<void> };

function copy(...extra: string[]) {
  return run(["--from", source.url, "--to", target.url, ...extra]);
}

function run(args: string[]) {
  return execFileAsync(path.resolve("node_modules/.bin/tsx"), ["src/cli/db-copy.ts", ...args], {
    encoding: "utf8",
  }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );
}

beforeAll(async () => {
  source = await createTempSqliteDb();
  await loadSampleIfEmpty(source.store, NOW, 24);
  const [first, second] = await source.db.paper.findMany({ orderBy: { id: "asc" }, take: 2, select: { id: true } });
  await source.store.trending.upvote(first!.id, "visitor-a", NOW);
  await source.store.trending.recordView({ paperId: second!.id, visitorId: "visitor-b", now: NOW });
  const reader = await addSubscriber(source.db, { email: "reader@example.com" });
  // A saved query and a weekly cadence travel with the subscriber.
  await source.db.subscriber.update({
    where: { id: reader.id },
    data: { query: "low-rank adaptation", authors: '["Edward J. Hu"]', cadence: "weekly", weekday: "thu" },
  });
  const run = await source.store.digest.ensureRun("2026-11-20", NOW);
  await source.store.digest.enqueueDeliveries(run.id, "thu");
  const claim = { runId: run.id, dueBy: NOW, at: NOW, limit: 1, token: "copy-test" };
  const [delivery] = (await source.store.digest.claimPage(claim)).deliveries;
  await source.store.digest.markSending([delivery!.id], claim.token, NOW);
  await source.store.digest.recordSent([
    {
      deliveryId: delivery!.id,
      subscriberId: reader.id,
      messageId: "<m1@example.org>",
      paperIds: [first!.id],
      sentAt: NOW,
      windowEnd: NOW,
    },
  ]);
  target = await emptyPostgresDatabase();
}, 180_000);
afterAll(async () => {
  await source.cleanup();
  await target.drop();
});

describe("npm run db:copy", () => {
  let copied: PostgresStore;
  afterAll(async () => copied?.close());

  it("copies every table with matching counts, tokens and sequences", async () => {
    const result = await copy();
    expect(result.out).toContain("every table's count matches the source");
    expect(result.code).toBe(0);
    copied = await openPostgresStore(target.url, { halfLifeHours: 24 });
    for (const model of [
      "paper",
      "paperEvent",
      "vote",
      "pageView",
      "topic",
      "paperTopic",
      "relatedPaper",
      "subscriber",
      "digestRun",
      "delivery",
      "sentPaper",
    ] as const) {
      const count = (client: unknown) => (client as Record<string, { count(): Promise<number> }>)[model]!.count();
      expect(await count(copied.db), model).toBe(await count(source.db));
      expect(await count(copied.db), model).toBeGreaterThan(0);
    }
    const reader = await source.db.subscriber.findUniqueOrThrow({ where: { email: "reader@example.com" } });
    expect(await copied.subscribers.byEmail("reader@example.com")).toEqual(reader);
    expect(reader).toMatchObject({ query: "low-rank adaptation", cadence: "weekly", weekday: "thu" });
    const slug = (await source.db.paper.findFirstOrThrow({ orderBy: { id: "asc" } })).slug;
    expect(await copied.papers.paperBySlug(slug)).toEqual(await source.store.papers.paperBySlug(slug));
    // Sequences continue after the copied ids: a new subscriber gets a fresh id.
    const created = await copied.subscribers.create({
      email: "new@example.com",
      status: "pending",
      topics: "[]",
      createdAt: NOW,
      manageTokenHash: "n",
      confirmPending: false,
      consentAt: null,
      consentIpHash: null,
      consentUserAgent: null,
    });
    expect(created.id).toBeGreaterThan(reader.id);
  }, 120_000);

  it("refuses a non-empty target without --force, and replaces it with --force", async () => {
    const refused = await copy();
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/already holds \d+ rows; pass --force/);
    expect(refused.out).not.toMatch(/\n\s+at /);
    const forced = await copy("--force");
    expect(forced.code).toBe(0);
    expect(await copied.db.subscriber.count()).toBe(1);
  }, 120_000);

  it("names a missing or wrong argument", async () => {
    const missing = await run(["--from", source.url]);
    expect(missing.code).toBe(1);
    expect(missing.out).toContain("--to <postgresql:// URL> is required");
    const wrong = await run(["--from", target.url, "--to", target.url]);
    expect(wrong.code).toBe(1);
    expect(wrong.out).toContain("--from must be a file: URL");
  }, 120_000);
});
