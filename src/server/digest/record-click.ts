// A click on a digest link: a "click" trending signal, counted once per delivery and paper, so a mail
// scanner that fetches every link (or a reader clicking twice) cannot inflate a paper's score.
import { SIGNAL_WEIGHTS } from "@/domain/trending";
import type { Db } from "@/server/db";
import { recordSignals } from "@/server/signals";
import type { ClickTarget } from "./click-token";

/** Returns the paper's slug to redirect to, or null when the paper no longer exists. */
export async function recordDigestClick(db: Db, target: ClickTarget, now: Date): Promise<string | null> {
  const paper = await db.paper.findUnique({ where: { id: target.paperId }, select: { id: true, slug: true } });
  if (!paper) return null;
  const source = `digest:${target.deliveryId}`;
  try {
    const seen = await db.paperEvent.findFirst({
      where: { paperId: paper.id, kind: "click", source },
      select: { id: true },
    });
    if (!seen)
      await recordSignals(db, [{ paperId: paper.id, kind: "click", at: now, weight: SIGNAL_WEIGHTS.click, source }]);
  } catch (error) {
    // The reader still gets their paper; a lost click only costs a little ranking signal.
    console.error(`digest click on paper ${paper.id} not recorded: ${String(error)}`);
  }
  return paper.slug;
}
