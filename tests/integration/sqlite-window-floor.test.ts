// SQLite: the lowest paper id of a time window, which search passes to FTS5 as a rowid floor. It must be
// found again after any commit (a re-dated paper, papers added), from any connection.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { storedDateTime } from "../../src/server/store/sqlite/date-encoding";
import { sqliteOf } from "../../src/server/store/sqlite/direct-connection";
import { windowFloor } from "../../src/server/store/sqlite/search/window-floor";
import { createTempSqliteDb, type TempDb } from "../helpers/temp-db";

const now = new Date("2026-11-20T12:00:00Z");
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);
const weekStart = daysAgo(7);

let temp: TempDb;
let ids: number[];

beforeEach(async () => {
  temp = await createTempSqliteDb();
  // Ids in insertion order, dates out of order: old, this week, older, this week.
  await temp.store.papers.addPapers(
    [40, 1, 50, 2].map((days, i) => ({ title: `Paper ${i}`, abstract: "Text.", publishedAt: daysAgo(days) })),
    { source: "test", now, halfLifeHours: 24 },
  );
  const rows = await temp.db.paper.findMany({ orderBy: { id: "asc" }, select: { id: true } });
  ids = rows.map((r) => r.id);
});
afterEach(() => temp.cleanup());

const floor = () => windowFloor(sqliteOf(temp.db), weekStart, storedDateTime(weekStart));

describe("the SQLite window floor", () => {
  it("is the lowest id in the window, found again after a write through another connection", async () => {
    expect(floor()).toBe(ids[1]);
    await temp.db.paper.update({ where: { id: ids[0]! }, data: { feedAt: daysAgo(3) } });
    expect(floor()).toBe(ids[0]);
  });

  it("is found again after a write through its own connection", () => {
    expect(floor()).toBe(ids[1]);
    sqliteOf(temp.db)
      .prepare(`UPDATE "Paper" SET "feedAt" = ? WHERE "id" = ?`)
      .run(storedDateTime(daysAgo(3)), ids[0]!);
    expect(floor()).toBe(ids[0]);
  });

  it("is above every id when the window is empty", async () => {
    await temp.db.paper.updateMany({ data: { feedAt: daysAgo(30) } });
    expect(floor()).toBeGreaterThan(Math.max(...ids));
  });
});
