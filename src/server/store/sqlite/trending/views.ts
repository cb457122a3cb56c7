// Paper-page views as a trending signal: at most one per visitor, paper and UTC day (which requests count:
// server/trending/countable-view.ts).
import { SIGNAL_WEIGHTS } from "@/domain/trending";
import type { ViewOutcome } from "@/server/store/trending";
import type { Db } from "@/server/store/sqlite/prisma-client";
import { recordSignalsInTx } from "./signals";
import { retryWhenBusy } from "@/server/store/sqlite/busy-policy";

/** The UTC calendar day of an instant, e.g. "2026-11-26": views dedupe per this day. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}
/** Counts one view unless this visitor already viewed the paper today (UTC). */
export async function recordView(
  db: Db,
  input: { paperId: number; visitorId: string; now: Date },
  halfLifeHours: number,
): Promise<ViewOutcome> {
  const { paperId, visitorId, now } = input;
  return retryWhenBusy(() =>
    db.$transaction(async (tx) => {
      const paper = await tx.paper.findUnique({ where: { id: paperId }, select: { id: true } });
      if (!paper) return "no_paper";
      const inserted = await tx.$executeRaw`
      INSERT INTO "PageView" ("paperId", "visitorId", "day") VALUES (${paperId}, ${visitorId}, ${utcDay(now)}) ON CONFLICT DO NOTHING`;
      if (inserted === 0) return "already_counted";
      await recordSignalsInTx(tx, [{ paperId, kind: "view", at: now, weight: SIGNAL_WEIGHTS.view }], halfLifeHours);
      return "counted";
    }),
  );
}
