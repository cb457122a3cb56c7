// Papers already sent to readers that could still be in a window. Anything sent before the widest window
// opened cannot be a candidate (a paper is sent only after it was first seen), so older rows are skipped.
import { earliestWindowStart } from "@/domain/digest/digest-window";
import type { Store } from "@/server/store/store";

export function sentPapersOf(
  store: Pick<Store, "digest">,
  subscriberIds: readonly number[],
  now: Date,
): Promise<Map<number, Set<number>>> {
  return store.digest.sentPapersSince(subscriberIds, earliestWindowStart(now));
}
