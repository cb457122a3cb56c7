// Single-paper lookups for the paper page and /api/papers/{id}, through the one paper loader.
import type { Paper } from "@/domain/paper";
import type { Db } from "@/server/store/sqlite/prisma-client";
import { papersInOrder } from "./paper-listing";

export async function paperBySlug(db: Db, slug: string): Promise<Paper | null> {
  const row = await db.paper.findUnique({ where: { slug }, select: { id: true } });
  return row ? paperById(db, row.id) : null;
}

export async function paperById(db: Db, id: number): Promise<Paper | null> {
  return (await papersInOrder(db, [id]))[0] ?? null;
}
