// What a cached page cannot say about its visitor: which of its papers they upvoted, and those papers' counts
// as of now (a shared cache may hold the page for a few seconds). Asked for by the client script on every page
// with vote buttons, so it must be cheap: a visitor without our cookie has voted on nothing and costs no query.
import { z } from "zod";
import type { Store } from "@/server/store/store";

/** A page shows at most 100 papers (the feed's largest limit). */
const MAX_PAPERS = 100;

export const VisitorVotesQuerySchema = z.object({
  papers: z
    .string("is required: paper ids separated by commas")
    .regex(/^[1-9]\d{0,9}(,[1-9]\d{0,9})*$/, "must be paper ids separated by commas, like 12,40")
    .transform((list) => [...new Set(list.split(",").map(Number))])
    .refine((ids) => ids.length <= MAX_PAPERS, `must name at most ${MAX_PAPERS} papers`),
});

export interface VisitorVotes {
  /** The papers among those asked about that this visitor has upvoted. */
  voted: number[];
  /** Current counts by paper id (only for a visitor who may have voted; others see the page's counts). */
  votes: Record<string, number>;
}

export async function visitorVotes(
  store: Pick<Store, "trending">,
  visitorId: string | null,
  paperIds: readonly number[],
): Promise<VisitorVotes> {
  if (!visitorId) return { voted: [], votes: {} };
  const states = await store.trending.voteStates(visitorId, paperIds);
  return {
    voted: [...states].filter(([, state]) => state.voted).map(([id]) => id),
    votes: Object.fromEntries([...states].map(([id, state]) => [String(id), state.votes])),
  };
}
