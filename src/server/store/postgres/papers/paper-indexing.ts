// Work that follows new papers into the PostgreSQL store: topic tags and related lists. PendingIndex rows
// (written in the batch's transaction) leave only once both are stored, so an interrupted step is
// completed by the next import or indexPending. The search vector is a generated column: nothing to do.
import { poolOf, type PgContext } from "@/server/store/postgres/pg-client";
import { refreshRelated } from "@/server/store/postgres/related/related-store";
import { tagNewPapers } from "@/server/store/postgres/topics/topic-store";

export async function indexPendingPapers(ctx: PgContext, now: Date): Promise<number> {
  const pool = poolOf(ctx.db);
  const { rows: pending } = await pool.query<{ paperId: number; tagged: boolean }>(
    `SELECT "paperId", "tagged" FROM "PendingIndex" ORDER BY "paperId"`,
  );
  if (pending.length === 0) return 0;
  const paperIds = pending.map((p) => p.paperId);
  await tagNewPapers(
    ctx,
    pending.filter((p) => !p.tagged).map((p) => p.paperId),
    now,
  );
  await refreshRelated(ctx, paperIds);
  // One array parameter, however many papers an interrupted run left pending.
  await pool.query(`DELETE FROM "PendingIndex" WHERE "paperId" = ANY($1::int[])`, [paperIds]);
  return paperIds.length;
}
