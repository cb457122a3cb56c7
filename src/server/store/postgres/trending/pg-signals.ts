// Trending signals on PostgreSQL: events stored and folded into each paper's trend key inside the caller's
// transaction. The keys are read FOR UPDATE (in id order), so concurrent writers on any instance fold their
// signals one after another instead of overwriting each other's key.
import { addToTrendKey, trendKeyOf } from "@/domain/trending";
import type { SignalInput } from "@/server/store/trending";
import type { PgTx } from "@/server/store/postgres/pg-client";
import { pgTimestamp } from "@/server/store/postgres/sql-values";

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

/** Reads the papers' keys FOR UPDATE, in id order, before any event is inserted (see lockPaper in pg-trending.ts). */
async function lockKeys(tx: PgTx, signals: readonly SignalInput[]): Promise<Map<number, number>> {
  const ids = [...new Set(signals.map((s) => s.paperId))].sort((a, b) => a - b);
  const rows = await tx.$queryRawUnsafe<{ id: number; trendKey: number }[]>(
    `SELECT "id", "trendKey" FROM "Paper" WHERE "id" = ANY($1::int[]) ORDER BY "id" FOR UPDATE`,
    ids,
  );
  return new Map(rows.map((r) => [Number(r.id), Number(r.trendKey)]));
}

/** Inserts the events; `onConflict` is appended to the statement. Returns how many rows it inserted. */
async function insertEvents(tx: PgTx, signals: readonly SignalInput[], onConflict = ""): Promise<number> {
  const events = signals.map((s) => ({
    paperId: s.paperId,
    kind: s.kind,
    at: pgTimestamp(s.at),
    anchorAt: pgTimestamp(s.anchorAt ?? s.at),
    weight: s.weight,
    value: s.value ?? null,
    source: s.source ?? null,
  }));
  return tx.$executeRawUnsafe(
    `INSERT INTO "PaperEvent" ("paperId", "kind", "at", "anchorAt", "weight", "value", "source")
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS e("paperId" int, "kind" text, "at" timestamp(3), "anchorAt" timestamp(3), "weight" float8, "value" int, "source" text) ${onConflict}`,
    JSON.stringify(events),
  );
}

/** Folds stored events into the locked keys and writes them; a near-total cancellation recomputes from the events. */
async function foldIntoKeys(
  tx: PgTx,
  keys: Map<number, number>,
  signals: readonly SignalInput[],
  halfLifeHours: number,
): Promise<void> {
  const needsRecompute = new Set<number>();
  for (const signal of signals) {
    const key = keys.get(signal.paperId);
    if (key === undefined) throw new Error(`paper ${signal.paperId} does not exist`);
    if (needsRecompute.has(signal.paperId)) continue;
    const next = addToTrendKey(key, { weight: signal.weight, anchorAt: signal.anchorAt ?? signal.at }, halfLifeHours);
    if (next === null) needsRecompute.add(signal.paperId);
    else keys.set(signal.paperId, next);
  }
  if (needsRecompute.size > 0) {
    const all = await tx.paperEvent.findMany({
      where: { paperId: { in: [...needsRecompute] } },
      select: { paperId: true, weight: true, anchorAt: true },
    });
    for (const id of needsRecompute)
      keys.set(
        id,
        trendKeyOf(
          all.filter((e) => e.paperId === id),
          halfLifeHours,
        ),
      );
  }
  await writeKeys(tx, keys);
}

export async function recordSignalsInTx(
  tx: PgTx,
  signals: readonly SignalInput[],
  halfLifeHours: number,
): Promise<void> {
  if (signals.length === 0) return;
  signals.forEach(assertValid);
  const keys = await lockKeys(tx, signals);
  for (const signal of signals)
    if (!keys.has(signal.paperId)) throw new Error(`paper ${signal.paperId} does not exist`);
  await insertEvents(tx, signals);
  await foldIntoKeys(tx, keys, signals, halfLifeHours);
}

/**
 * A click event unless one with the same paper and source exists; true when this call recorded it. The
 * partial unique index PaperEvent_click_once_key decides, so concurrent requests on any instance count once.
 */
export async function recordClickOnceInTx(tx: PgTx, click: SignalInput, halfLifeHours: number): Promise<boolean> {
  assertValid(click);
  const keys = await lockKeys(tx, [click]);
  if (!keys.has(click.paperId)) throw new Error(`paper ${click.paperId} does not exist`);
  const inserted = await insertEvents(
    tx,
    [click],
    `ON CONFLICT ("paperId", "source") WHERE "kind" = 'click' DO NOTHING`,
  );
  if (inserted === 0) return false;
  await foldIntoKeys(tx, keys, [click], halfLifeHours);
  return true;
}

export async function writeKeys(tx: PgTx, keys: ReadonlyMap<number, number>): Promise<void> {
  if (keys.size === 0) return;
  await tx.$executeRawUnsafe(
    `UPDATE "Paper" SET "trendKey" = k."key" FROM jsonb_to_recordset($1::jsonb) AS k("id" int, "key" float8) WHERE "Paper"."id" = k."id"`,
    JSON.stringify([...keys].map(([id, key]) => ({ id, key }))),
  );
}
