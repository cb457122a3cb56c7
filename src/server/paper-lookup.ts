// Single-paper lookups for the paper page and /api/papers/{id}.
import type { Paper } from "@/domain/paper";
import type { Db } from "./db";
import { PAPER_ROW_SELECT, toPaper } from "./paper-rows";
import { topicsOfPapers } from "./paper-topics";

export async function paperBySlug(db: Db, slug: string): Promise<Paper | null> {
  const row = await db.paper.findUnique({ where: { slug }, select: PAPER_ROW_SELECT });
  if (!row) return null;
  return toPaper(row, (await topicsOfPapers(db, [row.id])).get(row.id) ?? []);
}

export async function paperById(db: Db, id: number): Promise<Paper | null> {
  const row = await db.paper.findUnique({ where: { id }, select: PAPER_ROW_SELECT });
  if (!row) return null;
  return toPaper(row, (await topicsOfPapers(db, [row.id])).get(row.id) ?? []);
}
