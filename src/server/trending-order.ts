// The ORDER BY of the trending feed, per window, written so SQLite takes the fast plan without statistics
// (figures in docs/benchmarks/trending.md). Ties (mostly papers without any signal) go newest first.
// - "all": exactly the Paper_trendKey_idx order, so SQLite walks that index and stops after one page.
// - a window: the feedAt tie-breaker cannot come from the trendKey index, so SQLite ranges over
//   ("feedAt", "trendKey") for the window, which also holds every sort column, and keeps the top in a small
//   sorter. Walking the trendKey index instead skips every paper outside the window: 20x slower for a day.
import type { Prisma } from "@/generated/prisma/client";

export function trendingOrderBy(windowed: boolean): Prisma.PaperOrderByWithRelationInput[] {
  if (!windowed) return [{ trendKey: "desc" }, { id: "asc" }];
  return [{ trendKey: "desc" }, { feedAt: "desc" }, { id: "asc" }];
}
