// The subscriber area on PostgreSQL: the model-API writes are shared with SQLite; the confirmation claim
// is one conditional UPDATE, which PostgreSQL serialises per row across every instance.
import type { SubscriberStore } from "@/server/store/subscribers";
import { sqliteSubscribers } from "@/server/store/sqlite/sqlite-subscribers";
import { modelApi } from "@/server/store/postgres/model-api";
import type { PgDb } from "@/server/store/postgres/pg-client";

export function pgSubscribers(db: PgDb): SubscriberStore {
  return {
    ...sqliteSubscribers(modelApi(db)),
    async claimConfirmation(id, token, now, claimMs) {
      const { count } = await db.subscriber.updateMany({
        where: {
          id,
          OR: [{ confirmClaimedAt: null }, { confirmClaimedAt: { lt: new Date(now.getTime() - claimMs) } }],
        },
        data: {
          confirmClaimedAt: now,
          confirmTokenHash: token.hash,
          confirmExpiresAt: token.expiresAt,
          confirmPending: true,
          confirmAttempts: { increment: 1 },
        },
      });
      return count === 1 ? db.subscriber.findUnique({ where: { id } }) : null;
    },
  };
}
