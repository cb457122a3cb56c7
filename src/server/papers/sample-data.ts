// The sample dataset shipped in prisma/: 210 papers from a trending-papers export, loaded into an empty store.
import fs from "node:fs";
import path from "node:path";
import { parseTextExport } from "@/domain/text-export";
import type { Store } from "@/server/store/store";

export const SAMPLE_FILE = path.join(process.cwd(), "prisma", "sample-papers.txt");
export const SAMPLE_SOURCE = "sample";

/** Loads the sample papers, in order as source rank 1..n, when the store has no papers. Returns how many. */
export async function loadSampleIfEmpty(
  store: Pick<Store, "papers">,
  now: Date,
  halfLifeHours: number,
  file = SAMPLE_FILE,
): Promise<number> {
  if ((await store.papers.countPapers()) > 0) return 0;
  const entries = parseTextExport(fs.readFileSync(file, "utf8"));
  const result = await store.papers.addPapers(
    entries.map((e) => ({ title: e.title, abstract: e.abstract, sourceRank: e.rank })),
    { source: SAMPLE_SOURCE, now, halfLifeHours },
  );
  return result.added;
}
