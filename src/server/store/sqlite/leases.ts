// Job leases on SQLite: one upsert decides who holds a lease, so two processes asking at once cannot both win.
import type { LeaseStore } from "@/server/store/leases";
import { retryWhenBusy } from "./busy-policy";
import { storedDateTime } from "./date-encoding";
import type { Db } from "./prisma-client";

export function sqliteLeases(db: Db): LeaseStore {
  return {
    async acquire(name, holder, now, ttlMs) {
      const expiresAt = storedDateTime(new Date(now.getTime() + ttlMs));
      // The row is written only when it is new, expired, or ours already; otherwise nothing changes.
      const changed = await retryWhenBusy(
        () => db.$executeRaw`
        INSERT INTO "JobLease" ("name", "holder", "expiresAt") VALUES (${name}, ${holder}, ${expiresAt})
        ON CONFLICT ("name") DO UPDATE SET "holder" = excluded."holder", "expiresAt" = excluded."expiresAt"
        WHERE "JobLease"."holder" = excluded."holder" OR "JobLease"."expiresAt" < ${storedDateTime(now)}`,
      );
      return changed === 1;
    },
    async release(name, holder) {
      await retryWhenBusy(() => db.jobLease.deleteMany({ where: { name, holder } }));
    },
    async holder(name, now) {
      const lease = await db.jobLease.findUnique({ where: { name } });
      return lease && lease.expiresAt > now ? { holder: lease.holder, expiresAt: lease.expiresAt } : null;
    },
  };
}
