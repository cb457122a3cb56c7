// Forgets addresses whose owner never confirmed: we keep no data about people who did not opt in.
import type { Db } from "@/server/db";

export const UNCONFIRMED_RETENTION_DAYS = 7;

/** Deletes pending rows never confirmed and last requested more than a week ago; returns how many. */
export async function purgeUnconfirmed({ db, now }: { db: Db; now: Date }): Promise<number> {
  const cutoff = new Date(now.getTime() - UNCONFIRMED_RETENTION_DAYS * 86_400_000);
  const { count } = await db.subscriber.deleteMany({
    where: {
      status: "pending",
      confirmedAt: null,
      OR: [{ consentAt: { lt: cutoff } }, { consentAt: null, createdAt: { lt: cutoff } }],
    },
  });
  return count;
}
