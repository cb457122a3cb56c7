// A search within a time window narrows the full-text lookup to the ids of the window's papers
// (SQLite: a rowid floor found from "feedAt", tested in sqlite-window-floor.test.ts). Papers' ids and
// dates need not agree: an archive imported after recent papers, a paper re-dated by a new version. The
// window's answer must not depend on it.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { searchPapers } from "../../src/server/search/search-papers";
import { createTempDb, type TempDb } from "../helpers/temp-db";

const now = new Date("2026-11-20T12:00:00Z");
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);

/** Added oldest id first: old, recent, an older archive paper, recent again. */
const PAPERS = [
  { title: "Zyxtrel lattices, first look", publishedAt: daysAgo(40) },
  { title: "Zyxtrel lattices this week", publishedAt: daysAgo(1) },
  { title: "Zyxtrel lattices from the archive", publishedAt: daysAgo(50) },
  { title: "Zyxtrel lattices, a second result this week", publishedAt: daysAgo(2) },
];

let temp: TempDb;
let ids: number[];

async function arrange(): Promise<void> {
  temp = await createTempDb();
  await temp.store.papers.addPapers(
    PAPERS.map((p) => ({ ...p, abstract: "We study zyxtrel lattices." })),
    { source: "test", now, halfLifeHours: 24 },
  );
  const rows = await temp.db.paper.findMany({ orderBy: { id: "asc" }, select: { id: true } });
  ids = rows.map((r) => r.id);
}

const titlesThisWeek = async () => {
  const { results, total } = await searchPapers(temp.store, {
    q: "zyxtrel",
    sort: "new",
    window: "week",
    limit: 10,
    offset: 0,
    now,
  });
  return { titles: results.map((r) => r.paper.title), total };
};

afterEach(() => temp.cleanup());

describe("a search within a window, whatever the order of ids and dates", () => {
  beforeEach(arrange);

  it("finds the window's papers only, though an older paper has a higher id", async () => {
    expect(await titlesThisWeek()).toEqual({
      titles: ["Zyxtrel lattices this week", "Zyxtrel lattices, a second result this week"],
      total: 2,
    });
  });

  it("finds a paper re-dated into the window after an earlier search", async () => {
    await titlesThisWeek();
    await temp.db.paper.update({ where: { id: ids[0]! }, data: { feedAt: daysAgo(3) } });
    expect(await titlesThisWeek()).toEqual({
      titles: [
        "Zyxtrel lattices this week",
        "Zyxtrel lattices, a second result this week",
        "Zyxtrel lattices, first look",
      ],
      total: 3,
    });
  });
});
