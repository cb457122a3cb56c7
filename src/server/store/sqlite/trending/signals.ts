// Records trending signals: stores each event and folds it into its paper's trend key, in O(1) per event.
// Each step is one statement whose rows travel as a single JSON parameter unpacked by json_each:
// Prisma spends ~15 µs per bound parameter, which made per-value binding 4x too slow for bulk imports.
import type { Prisma } from "@/generated/prisma/client";
import { addToTrendKey, trendKeyOf } from "@/domain/trending";
import type { SignalInput } from "@/server/store/trending";
import type { Db } from "@/server/store/sqlite/prisma-client";
import { retryWhenBusy } from "@/server/store/sqlite/busy-policy";
import { storedDateTime } from "@/server/store/sqlite/date-encoding";

export type Tx = Prisma.TransactionClient;

const CHUNK = 2_000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function assertValid(signal: SignalInput): void {
  const anchor = signal.anchorAt ?? signal.at;
  const valid =
    Number.isSafeInteger(signal.paperId) &&
    Number.isFinite(signal.weight) &&
    !Number.isNaN(signal.at.getTime()) &&
    !Number.isNaN(anchor.getTime()) &&
    (signal.value == null || Number.isSafeInteger(signal.value));
  if (!valid) throw new Error(`invalid ${signal.kind} signal for paper ${signal.paperId}`);
}

async function readKeys(tx: Tx, paperIds: readonly number[]): Promise<Map<number, number>> {
  const keys = new Map<number, number>();
  for (const ids of chunks(paperIds, CHUNK)) {
    const rows = await tx.$queryRawUnsafe<{ id: number; trendKey: number }[]>(
      `SELECT "id", "trendKey" FROM "Paper" WHERE "id" IN (SELECT "value" FROM json_each(?))`,
      JSON.stringify(ids),
    );
    for (const row of rows) keys.set(Number(row.id), Number(row.trendKey));
  }
  return keys;
}

/** Inserts the events; `onConflict` is appended to each statement. Returns how many rows were inserted. */
async function insertEvents(tx: Tx, signals: readonly SignalInput[], onConflict = ""): Promise<number> {
  let inserted = 0;
  for (const batch of chunks(signals, CHUNK)) {
    const rows = batch.map((s) => [
      s.paperId,
      s.kind,
      storedDateTime(s.at),
      storedDateTime(s.anchorAt ?? s.at),
      s.weight,
      s.value ?? null,
      s.source ?? null,
    ]);
    // "WHERE true": SQLite needs it to tell an upsert clause after INSERT ... SELECT from a join.
    inserted += await tx.$executeRawUnsafe(
      `INSERT INTO "PaperEvent" ("paperId", "kind", "at", "anchorAt", "weight", "value", "source")
       SELECT "value"->>0, "value"->>1, "value"->>2, "value"->>3, "value"->>4, "value"->>5, "value"->>6 FROM json_each(?) WHERE true ${onConflict}`,
      JSON.stringify(rows),
    );
  }
  return inserted;
}

/** Exact keys for papers whose running key hit a near-total cancellation (an unvote of most of the sum). */
async function recomputeKeys(tx: Tx, paperIds: readonly number[], halfLifeHours: number): Promise<Map<number, number>> {
  const events = new Map<number, { weight: number; anchorAt: Date }[]>(paperIds.map((id) => [id, []]));
  for (const ids of chunks(paperIds, CHUNK)) {
    const rows = await tx.paperEvent.findMany({
      where: { paperId: { in: ids } },
      select: { paperId: true, weight: true, anchorAt: true },
    });
    for (const row of rows) events.get(row.paperId)?.push(row);
  }
  return new Map([...events].map(([id, list]) => [id, trendKeyOf(list, halfLifeHours)]));
}

async function writeKeys(tx: Tx, keys: ReadonlyMap<number, number>): Promise<void> {
  for (const batch of chunks([...keys], CHUNK)) {
    await tx.$executeRawUnsafe(
      `UPDATE "Paper" SET "trendKey" = "k"."value"->>1 FROM json_each(?) AS "k" WHERE "Paper"."id" = "k"."value"->>0`,
      JSON.stringify(batch),
    );
  }
}

/** The papers' current keys; throws on an unknown paper. */
async function currentKeys(tx: Tx, signals: readonly SignalInput[]): Promise<Map<number, number>> {
  const keys = await readKeys(tx, [...new Set(signals.map((s) => s.paperId))]);
  for (const signal of signals)
    if (!keys.has(signal.paperId)) throw new Error(`paper ${signal.paperId} does not exist`);
  return keys;
}

/** Folds the stored events into `keys` and writes them; a near-total cancellation recomputes from the events. */
async function foldIntoKeys(
  tx: Tx,
  keys: Map<number, number>,
  signals: readonly SignalInput[],
  halfLifeHours: number,
): Promise<void> {
  const needsRecompute = new Set<number>();
  for (const signal of signals) {
    if (needsRecompute.has(signal.paperId)) continue;
    const next = addToTrendKey(
      keys.get(signal.paperId)!,
      { weight: signal.weight, anchorAt: signal.anchorAt ?? signal.at },
      halfLifeHours,
    );
    if (next === null) needsRecompute.add(signal.paperId);
    else keys.set(signal.paperId, next);
  }
  if (needsRecompute.size > 0) {
    for (const [id, key] of await recomputeKeys(tx, [...needsRecompute], halfLifeHours)) keys.set(id, key);
  }
  await writeKeys(tx, keys);
}

/** Stores the events and updates the affected keys inside the caller's transaction; throws on an unknown paper. */
export async function recordSignalsInTx(tx: Tx, signals: readonly SignalInput[], halfLifeHours: number): Promise<void> {
  if (signals.length === 0) return;
  signals.forEach(assertValid);
  const keys = await currentKeys(tx, signals);
  await insertEvents(tx, signals);
  await foldIntoKeys(tx, keys, signals, halfLifeHours);
}

/**
 * A click event unless one with the same paper and source exists; true when this call recorded it. The
 * partial unique index PaperEvent_click_once_key decides, so two requests for one link count once.
 */
export async function recordClickOnce(db: Db, click: SignalInput, halfLifeHours: number): Promise<boolean> {
  assertValid(click);
  return retryWhenBusy(() =>
    db.$transaction(async (tx) => {
      const keys = await currentKeys(tx, [click]);
      const inserted = await insertEvents(
        tx,
        [click],
        `ON CONFLICT ("paperId", "source") WHERE "kind" = 'click' DO NOTHING`,
      );
      if (inserted > 0) await foldIntoKeys(tx, keys, [click], halfLifeHours);
      return inserted > 0;
    }),
  );
}

/** Records a batch of signals atomically. */
export async function recordSignals(db: Db, signals: readonly SignalInput[], halfLifeHours: number): Promise<void> {
  await retryWhenBusy(() =>
    db.$transaction((tx) => recordSignalsInTx(tx, signals, halfLifeHours), { timeout: 120_000 }),
  );
}
