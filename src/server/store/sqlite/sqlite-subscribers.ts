// The subscriber area of the SQLite store.
import type { SubscriberStore } from "@/server/store/subscribers";
import type { Db } from "./prisma-client";
import { findSubscriberByEmail } from "./subscribers/find-by-email";
import {
  activateSubscriber,
  claimConfirmation,
  createSubscriber,
  finishConfirmation,
  pendingConfirmations,
  updateSubscriber,
} from "./subscribers/subscriber-writes";

export function sqliteSubscribers(db: Db): SubscriberStore {
  return {
    byId: (id) => db.subscriber.findUnique({ where: { id } }),
    byEmail: (email) => findSubscriberByEmail(db, email),
    byConfirmTokenHash: (hash) => db.subscriber.findUnique({ where: { confirmTokenHash: hash } }),
    create: (subscriber) => createSubscriber(db, subscriber),
    update: (id, changes) => updateSubscriber(db, id, changes),
    activate: (id, hash, now) => activateSubscriber(db, id, hash, now),
    claimConfirmation: (id, token, now, claimMs) => claimConfirmation(db, id, token, now, claimMs),
    finishConfirmation: (id, outcome) => finishConfirmation(db, id, outcome),
    pendingConfirmations: (maxAttempts, limit) => pendingConfirmations(db, maxAttempts, limit),
    async purgeUnconfirmed(cutoff) {
      const { count } = await db.subscriber.deleteMany({
        where: {
          status: "pending",
          confirmedAt: null,
          OR: [{ consentAt: { lt: cutoff } }, { consentAt: null, createdAt: { lt: cutoff } }],
        },
      });
      return count;
    },
    list: () => db.subscriber.findMany({ orderBy: { id: "asc" } }),
    delete: async (id) => void (await db.subscriber.delete({ where: { id } })),
  };
}
