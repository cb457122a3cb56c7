// Everything a paper's own page and GET /api/papers/{id} show: the paper, its stored related papers and
// its trending explanation, read in parallel.
import type { Paper } from "@/domain/paper";
import type { HistoryPoint } from "@/domain/trend-history";
import type { Store } from "@/server/store/store";
import type { TrendingExplanation } from "@/server/store/trending";

export interface PaperDetail {
  paper: Paper;
  related: Paper[];
  trending: TrendingExplanation | null;
  /** The paper's score at the end of each of the last 14 days. */
  history: HistoryPoint[];
}

export async function paperDetail(
  store: Pick<Store, "papers" | "related" | "trending">,
  key: { id: number } | { slug: string },
  now: Date,
): Promise<PaperDetail | null> {
  const paper = "id" in key ? await store.papers.paperById(key.id) : await store.papers.paperBySlug(key.slug);
  if (!paper) return null;
  const [related, trending, history] = await Promise.all([
    store.related.relatedPapers(paper.id),
    store.trending.explainTrending([paper.id], now),
    store.trending.trendHistory([paper.id], now),
  ]);
  return { paper, related, trending: trending.get(paper.id) ?? null, history: history.get(paper.id) ?? [] };
}
