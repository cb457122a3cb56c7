// A click on a digest link: a "click" trending signal, counted once per delivery and paper, so a mail
// scanner that fetches every link (or a reader clicking twice) cannot inflate a paper's score.
import type { Store } from "@/server/store/store";
import type { ClickTarget } from "./click-token";

/** Returns the paper's slug to redirect to, or null when the paper no longer exists. */
export async function recordDigestClick(
  store: Pick<Store, "papers" | "trending">,
  target: ClickTarget,
  now: Date,
): Promise<string | null> {
  try {
    return await store.trending.recordClickOnce(target.paperId, `digest:${target.deliveryId}`, now);
  } catch (error) {
    // The reader still gets their paper; a lost click only costs a little ranking signal.
    console.error(`digest click on paper ${target.paperId} not recorded: ${String(error)}`);
    return (await store.papers.paperById(target.paperId))?.slug ?? null;
  }
}
