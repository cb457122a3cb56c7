// Everything a paper's own page and GET /api/papers/{id} show: the paper, its stored related papers and
// its trending explanation, read in parallel.
import type { Paper } from "@/domain/paper";
import type { Db } from "./db";
import { paperById, paperBySlug } from "./paper-lookup";
import { relatedPapers } from "./related-store";
import { explainTrending, type TrendingExplanation } from "./trending-explain";

export interface PaperDetail {
  paper: Paper;
  related: Paper[];
  trending: TrendingExplanation | null;
}

export async function paperDetail(
  db: Db,
  key: { id: number } | { slug: string },
  now: Date,
): Promise<PaperDetail | null> {
  const paper = "id" in key ? await paperById(db, key.id) : await paperBySlug(db, key.slug);
  if (!paper) return null;
  const [related, trending] = await Promise.all([relatedPapers(db, paper.id), explainTrending(db, [paper.id], now)]);
  return { paper, related, trending: trending.get(paper.id) ?? null };
}
