// The run's bookkeeping: one DigestRun per date, one Delivery per (run, subscriber), and the sweeps
// that keep a crashed or superseded run from either resending or silently dropping anyone.
import type { Db } from "@/server/store/sqlite/prisma-client";
import type { RunRef } from "@/server/store/digest";
import { DUE_ON_WEEKDAY_SQL } from "./reader-cadence";

/** The run of `date`, created if needed; two callers racing on the unique date both get the same row. */
export async function ensureRun(db: Db, date: string, now: Date): Promise<RunRef> {
  const existing = await db.digestRun.findUnique({ where: { date }, select: { id: true, date: true } });
  if (existing) return existing;
  await db.$executeRaw`INSERT OR IGNORE INTO "DigestRun" ("date", "startedAt") VALUES (${date}, ${now})`;
  return db.digestRun.findUniqueOrThrow({ where: { date }, select: { id: true, date: true } });
}

export async function findRun(db: Db, date: string): Promise<RunRef | null> {
  return db.digestRun.findUnique({ where: { date }, select: { id: true, date: true } });
}

/** Adds a pending delivery for every active, unsuppressed reader due on `weekday` that has none in this run yet. */
export async function enqueueDeliveries(db: Db, runId: number, weekday: string): Promise<number> {
  return db.$executeRawUnsafe(
    `INSERT OR IGNORE INTO "Delivery" ("runId", "subscriberId", "status")
     SELECT ?, "id", 'pending' FROM "Subscriber" WHERE "status" = 'active' AND "suppressedAt" IS NULL AND ${DUE_ON_WEEKDAY_SQL}`,
    runId,
    weekday,
  );
}

/**
 * Deliveries left in "sending" past the lease become "unknown", never pending again: the process died
 * after claiming them, maybe after SMTP accepted the message. A duplicate costs more trust than a
 * missing mail, and the reader's next digest still covers those papers (their window was not advanced).
 */
export async function expireSendingClaims(db: Db, claimedBefore: Date): Promise<number> {
  const result = await db.delivery.updateMany({
    where: { status: "sending", claimedAt: { lt: claimedBefore } },
    data: { status: "unknown", lastError: "Lease expired while sending: the message may or may not have gone out." },
  });
  return result.count;
}

/**
 * Deliveries left "claimed" past the lease go back to pending: their claimer died (or stopped) before it began
 * sending them, so nothing went out. Only their claimer may mark them "sending" (the token), so one that was
 * merely slow loses them to the next run instead of sending them twice.
 */
export async function releaseStaleClaims(db: Db, claimedBefore: Date): Promise<number> {
  const result = await db.delivery.updateMany({
    where: { status: "claimed", claimedAt: { lt: claimedBefore } },
    data: { status: "pending", claimedAt: null, claimToken: null },
  });
  return result.count;
}

/** A run stopping early hands back the deliveries it claimed and has not begun. */
export async function releaseClaims(db: Db, token: string): Promise<number> {
  const result = await db.delivery.updateMany({
    where: { status: "claimed", claimToken: token },
    data: { status: "pending", claimedAt: null, claimToken: null },
  });
  return result.count;
}

/** Earlier editions' unfinished retries are dropped: today's digest covers their papers instead. */
export async function supersedeEarlierRuns(db: Db, date: string): Promise<number> {
  const result = await db.delivery.updateMany({
    where: { status: "pending", run: { date: { lt: date } } },
    data: { status: "skipped", lastError: `Superseded by the ${date} edition.` },
  });
  return result.count;
}

export async function finishRun(db: Db, runId: number, now: Date): Promise<void> {
  const open = await db.delivery.count({ where: { runId, status: { in: ["pending", "claimed", "sending"] } } });
  await db.digestRun.update({ where: { id: runId }, data: { finishedAt: open === 0 ? now : null } });
}

export async function countByStatus(db: Db, runId: number): Promise<Record<string, number>> {
  const groups = await db.delivery.groupBy({ by: ["status"], where: { runId }, _count: { _all: true } });
  return Object.fromEntries(groups.map((group) => [group.status, group._count._all]));
}
