// Copies a SQLite installation into an empty PostgreSQL database (npm run db:copy): every table, ids kept,
// in one PostgreSQL transaction, then the row counts of both sides compared before it commits, so the target
// ends up with everything or nothing. Sequences continue after the copied ids.
import { openSqliteStore } from "@/server/store/sqlite/sqlite-store";
import { applyPgMigrations } from "./migrate";
import { openPgDb } from "./pg-client";

/** Tables in foreign-key order, with the columns that order their pages. */
const TABLES = [
  { model: "paper", table: "Paper", orderBy: ["id"], serial: true },
  { model: "topic", table: "Topic", orderBy: ["id"], serial: true },
  { model: "topicVocabularyRun", table: "TopicVocabularyRun", orderBy: ["id"], serial: true },
  { model: "paperEvent", table: "PaperEvent", orderBy: ["id"], serial: true },
  { model: "vote", table: "Vote", orderBy: ["paperId", "visitorId"], serial: false },
  { model: "pageView", table: "PageView", orderBy: ["paperId", "visitorId", "day"], serial: false },
  { model: "paperTopic", table: "PaperTopic", orderBy: ["paperId", "topicId"], serial: false },
  { model: "relatedPaper", table: "RelatedPaper", orderBy: ["paperId", "rank"], serial: false },
  { model: "pendingIndex", table: "PendingIndex", orderBy: ["paperId"], serial: false },
  { model: "subscriber", table: "Subscriber", orderBy: ["id"], serial: true },
  { model: "digestRun", table: "DigestRun", orderBy: ["id"], serial: true },
  { model: "delivery", table: "Delivery", orderBy: ["id"], serial: true },
  { model: "sentPaper", table: "SentPaper", orderBy: ["subscriberId", "paperId"], serial: false },
  { model: "fetchLog", table: "FetchLog", orderBy: ["id"], serial: true },
] as const;

const PAGE = 5_000;

export class TargetNotEmptyError extends Error {
  constructor(readonly rows: number) {
    super(`the target database already holds ${rows} rows; pass --force to replace them`);
    this.name = "TargetNotEmptyError";
  }
}

type Delegate = {
  findMany(args: { orderBy: Record<string, "asc">[]; skip: number; take: number }): Promise<Record<string, unknown>[]>;
  createMany(args: { data: Record<string, unknown>[] }): Promise<{ count: number }>;
  count(): Promise<number>;
};
const delegate = (client: unknown, model: string) => (client as Record<string, Delegate>)[model]!;

export interface CopyReport {
  table: string;
  rows: number;
}

export async function copySqliteToPostgres(
  fromUrl: string,
  toUrl: string,
  { force = false, onTable = (_: CopyReport) => {} } = {},
): Promise<CopyReport[]> {
  const source = await openSqliteStore(fromUrl, { halfLifeHours: 24 });
  await applyPgMigrations(toUrl);
  const target = openPgDb(toUrl);
  try {
    const existing = (await Promise.all(TABLES.map((t) => delegate(target, t.model).count()))).reduce(
      (a, b) => a + b,
      0,
    );
    if (existing > 0 && !force) throw new TargetNotEmptyError(existing);
    return await target.$transaction(
      async (tx) => {
        if (existing > 0)
          await tx.$executeRawUnsafe(
            `TRUNCATE ${TABLES.map((t) => `"${t.table}"`).join(", ")}, "JobLease", "RateLimit" RESTART IDENTITY CASCADE`,
          );
        const report: CopyReport[] = [];
        for (const t of TABLES) {
          let rows = 0;
          for (let skip = 0; ; skip += PAGE) {
            const page = await delegate(source.db, t.model).findMany({
              orderBy: t.orderBy.map((c) => ({ [c]: "asc" as const })),
              skip,
              take: PAGE,
            });
            if (page.length > 0) rows += (await delegate(tx, t.model).createMany({ data: page })).count;
            if (page.length < PAGE) break;
          }
          const [sourceCount, targetCount] = await Promise.all([
            delegate(source.db, t.model).count(),
            delegate(tx, t.model).count(),
          ]);
          if (sourceCount !== targetCount || rows !== sourceCount)
            throw new Error(
              `${t.table}: ${sourceCount} rows in the source but ${targetCount} in the target; nothing was copied`,
            );
          if (t.serial)
            await tx.$executeRawUnsafe(
              `SELECT setval(pg_get_serial_sequence('"${t.table}"', 'id'), coalesce((SELECT max("id") FROM "${t.table}"), 0) + 1, false)`,
            );
          report.push({ table: t.table, rows });
          onTable({ table: t.table, rows });
        }
        return report;
      },
      { timeout: 3_600_000, maxWait: 60_000 },
    );
  } finally {
    await source.close();
    await target.$disconnect();
  }
}
