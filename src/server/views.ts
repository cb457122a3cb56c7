// Paper-page views as a trending signal: at most one per visitor, paper and UTC day, and only from
// what is plausibly a person reading (no HEAD, no prefetch, no obvious bot).
import { SIGNAL_WEIGHTS } from "@/domain/trending";
import type { Db } from "./db";
import { recordSignalsInTx } from "./signals";
import { retryWhenBusy } from "./busy-retry";

const BOT_USER_AGENT = /bot|crawler|spider|preview/i;
const PREFETCH_HEADERS = ["next-router-prefetch", "x-middleware-prefetch"];

/** Whether a request may count as a view: HEAD requests, prefetches and bots never do. */
export function isCountableView(method: string, headers: Headers): boolean {
  if (method.toUpperCase() === "HEAD") return false;
  if (/prefetch/i.test(headers.get("purpose") ?? "") || /prefetch/i.test(headers.get("sec-purpose") ?? ""))
    return false;
  if (PREFETCH_HEADERS.some((name) => headers.has(name))) return false;
  return !BOT_USER_AGENT.test(headers.get("user-agent") ?? "");
}

/** The UTC calendar day of an instant, e.g. "2026-11-26": views dedupe per this day. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export type ViewOutcome = "counted" | "already_counted" | "no_paper";

/** Counts one view unless this visitor already viewed the paper today (UTC). */
export async function recordView(
  db: Db,
  input: { paperId: number; visitorId: string; now: Date },
): Promise<ViewOutcome> {
  const { paperId, visitorId, now } = input;
  return retryWhenBusy(() =>
    db.$transaction(async (tx) => {
      const paper = await tx.paper.findUnique({ where: { id: paperId }, select: { id: true } });
      if (!paper) return "no_paper";
      const inserted = await tx.$executeRaw`
      INSERT INTO "PageView" ("paperId", "visitorId", "day") VALUES (${paperId}, ${visitorId}, ${utcDay(now)}) ON CONFLICT DO NOTHING`;
      if (inserted === 0) return "already_counted";
      await recordSignalsInTx(tx, [{ paperId, kind: "view", at: now, weight: SIGNAL_WEIGHTS.view }]);
      return "counted";
    }),
  );
}
