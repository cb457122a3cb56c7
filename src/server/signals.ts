// Records trending signals: stores each event and folds it into its paper's trend key, in O(1) per event.
import { addToTrendKey, type SignalKind } from "../domain/trending";
import type { Db } from "./db";
import { env } from "../env";

export interface SignalInput {
  paperId: number;
  kind: SignalKind;
  at: Date;
  weight: number;
  /** Decay anchor; defaults to `at`. An unvote passes its upvote's time so the two cancel exactly. */
  anchorAt?: Date;
  value?: number | null;
  source?: string | null;
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Stores the events and updates the affected keys inside the caller's transaction. */
export async function recordSignalsInTx(tx: Tx, signals: readonly SignalInput[], halfLifeHours = env().TRENDING_HALF_LIFE_HOURS): Promise<void> {
  if (signals.length === 0) return;
  const paperIds = [...new Set(signals.map((s) => s.paperId))];
  const current = await tx.paper.findMany({ where: { id: { in: paperIds } }, select: { id: true, trendKey: true } });
  const keys = new Map(current.map((p) => [p.id, p.trendKey]));
  for (const signal of signals) {
    const key = keys.get(signal.paperId);
    if (key === undefined) throw new Error(`paper ${signal.paperId} does not exist`);
    keys.set(signal.paperId, addToTrendKey(key, { weight: signal.weight, anchorAt: signal.anchorAt ?? signal.at }, halfLifeHours));
  }
  await tx.paperEvent.createMany({
    data: signals.map((s) => ({
      paperId: s.paperId,
      kind: s.kind,
      at: s.at,
      anchorAt: s.anchorAt ?? s.at,
      weight: s.weight,
      value: s.value ?? null,
      source: s.source ?? null,
    })),
  });
  for (const [id, trendKey] of keys) await tx.paper.update({ where: { id }, data: { trendKey } });
}

/** Records a batch of signals atomically. */
export async function recordSignals(db: Db, signals: readonly SignalInput[], halfLifeHours?: number): Promise<void> {
  await db.$transaction((tx) => recordSignalsInTx(tx, signals, halfLifeHours));
}
