import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NO_SIGNAL_KEY, trendKeyOf } from "../../src/domain/trending";
import type { SignalInput } from "../../src/server/store/trending";
import { storedDateTime } from "../../src/server/store/sqlite/date-encoding";
import { recordSignals } from "../../src/server/store/sqlite/trending/signals";
import { rebuildTrendKeys } from "../../src/server/store/sqlite/trending/trend-keys-rebuild";
import { createRankedPapers } from "../helpers/ranked-papers";
import { createTempDb, type TempDb } from "../helpers/temp-db";

const NOW = new Date("2026-11-26T12:00:00.000Z");
const hours = (h: number) => new Date(NOW.getTime() + h * 3_600_000);

let temp: TempDb;
let ids: number[];
beforeEach(async () => {
  temp = await createTempDb();
  ids = await createRankedPapers(temp, 40, NOW);
});
afterEach(async () => temp.cleanup());

async function storedMatchesEvents(): Promise<void> {
  const papers = await temp.db.paper.findMany({ select: { id: true, trendKey: true } });
  const events = await temp.db.paperEvent.findMany({ select: { paperId: true, weight: true, anchorAt: true } });
  for (const paper of papers) {
    const exact = trendKeyOf(
      events.filter((e) => e.paperId === paper.id),
      24,
    );
    if (exact === NO_SIGNAL_KEY) expect(paper.trendKey).toBe(NO_SIGNAL_KEY);
    else expect(paper.trendKey).toBeCloseTo(exact, 9);
  }
}

describe("recordSignals", () => {
  it("keeps every stored key equal to the key of its stored events over a mixed batch", async () => {
    const signals: SignalInput[] = [];
    for (let i = 0; i < 400; i++) {
      const paperId = ids[(i * 7) % ids.length]!;
      signals.push({
        paperId,
        kind: i % 3 === 0 ? "view" : "upvote",
        at: hours(i / 10),
        weight: i % 3 === 0 ? 0.1 : 1,
      });
    }
    await recordSignals(temp.db, signals, 24);
    // Cancel some upvotes in a later batch, anchored at their own time.
    const cancels = signals
      .filter((s) => s.kind === "upvote")
      .slice(0, 50)
      .map((s): SignalInput => ({ paperId: s.paperId, kind: "unvote", at: hours(100), anchorAt: s.at, weight: -1 }));
    await recordSignals(temp.db, cancels, 24);
    expect(await temp.db.paperEvent.count()).toBe(40 + 400 + 50);
    await storedMatchesEvents();
  });

  it("recomputes exactly when an unvote removes nearly the whole sum", async () => {
    const paperId = ids[0]!;
    // A vote 60 half-lives after the source rank dwarfs it by 2^60; cancelling it must leave the old signal.
    await recordSignals(temp.db, [{ paperId, kind: "upvote", at: hours(24 * 60), weight: 1 }], 24);
    await recordSignals(
      temp.db,
      [{ paperId, kind: "unvote", at: hours(24 * 60 + 1), anchorAt: hours(24 * 60), weight: -1 }],
      24,
    );
    const paper = await temp.db.paper.findUniqueOrThrow({ where: { id: paperId } });
    expect(paper.trendKey).toBe(trendKeyOf([{ weight: 3, anchorAt: NOW }], 24));
  });

  it("writes nothing when one signal names a missing paper", async () => {
    await expect(
      recordSignals(
        temp.db,
        [
          { paperId: ids[0]!, kind: "view", at: NOW, weight: 0.1 },
          { paperId: 9999, kind: "view", at: NOW, weight: 0.1 },
        ],
        24,
      ),
    ).rejects.toThrow("paper 9999 does not exist");
    expect(await temp.db.paperEvent.count()).toBe(40);
    await storedMatchesEvents();
  });

  it("refuses a signal with a non-finite weight or an invalid date", async () => {
    await expect(
      recordSignals(temp.db, [{ paperId: ids[0]!, kind: "view", at: NOW, weight: Number.NaN }], 24),
    ).rejects.toThrow("invalid view signal");
    await expect(
      recordSignals(temp.db, [{ paperId: ids[0]!, kind: "view", at: new Date("x"), weight: 0.1 }], 24),
    ).rejects.toThrow("invalid view signal");
    expect(await temp.db.paperEvent.count()).toBe(40);
  });

  it("stores event times in exactly the adapter's DateTime text, so Prisma reads and compares them alike", async () => {
    const at = new Date("2026-11-26T23:03:24.129Z");
    await temp.db.paperEvent.create({ data: { paperId: ids[0]!, kind: "view", at, anchorAt: at, weight: 0.1 } });
    await recordSignals(temp.db, [{ paperId: ids[1]!, kind: "view", at, weight: 0.1 }], 24);
    const texts = await temp.db.$queryRawUnsafe<{ at: string }[]>(
      `SELECT CAST("at" AS TEXT) AS "at" FROM "PaperEvent" WHERE "kind" = 'view'`,
    );
    expect(texts.map((t) => t.at)).toEqual([storedDateTime(at), storedDateTime(at)]);
    const read = await temp.db.paperEvent.findMany({ where: { kind: "view", at: { gte: at } } });
    expect(read.map((e) => e.at.getTime())).toEqual([at.getTime(), at.getTime()]);
  });
});

describe("rebuildTrendKeys", () => {
  it("recomputes every key for a new half-life from the stored events", async () => {
    await recordSignals(temp.db, [{ paperId: ids[39]!, kind: "upvote", at: hours(30), weight: 1 }], 24);
    expect(await rebuildTrendKeys(temp.db, 6)).toBe(40);
    const rebuilt = await temp.db.paper.findUniqueOrThrow({ where: { id: ids[39]! } });
    expect(rebuilt.trendKey).toBeCloseTo(
      trendKeyOf(
        [
          { weight: 3 / Math.sqrt(40), anchorAt: NOW },
          { weight: 1, anchorAt: hours(30) },
        ],
        6,
      ),
      9,
    );
  });
});
