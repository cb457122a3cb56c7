// Subscriber rows through Prisma: create, change, confirm, and the claimed sending of confirmation mails.
import { Prisma } from "@/generated/prisma/client";
import type {
  ConfirmationOutcome,
  NewSubscriber,
  SubscriberChanges,
  SubscriberRecord,
} from "@/server/store/subscribers";
import { withoutBusyWait } from "@/server/store/sqlite/busy-wait";
import { storedDateTime } from "@/server/store/sqlite/date-encoding";
import { sqliteOf } from "@/server/store/sqlite/direct-connection";
import type { Db } from "@/server/store/sqlite/prisma-client";

export async function createSubscriber(db: Db, data: NewSubscriber): Promise<SubscriberRecord> {
  try {
    return await db.subscriber.create({ data });
  } catch (error) {
    // Two requests for a new address at once: the unique email lets one create it; the other uses that row.
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    return db.subscriber.findUniqueOrThrow({ where: { email: data.email } });
  }
}

export function updateSubscriber(db: Db, id: number, changes: SubscriberChanges): Promise<SubscriberRecord> {
  return db.subscriber.update({ where: { id }, data: changes });
}

export async function activateSubscriber(db: Db, id: number, confirmTokenHash: string, now: Date): Promise<boolean> {
  const used = { confirmTokenHash: null, confirmExpiresAt: null };
  const { count } = await db.subscriber.updateMany({
    where: { id, status: "pending", confirmTokenHash },
    data: {
      ...used,
      status: "active",
      confirmedAt: now,
      confirmPending: false,
      pausedAt: null,
      suppressedAt: null,
      suppressReason: null,
    },
  });
  if (count === 1) return true;
  // Not pending any more (confirmed by another click, paused, ...): the token is used up all the same.
  await db.subscriber.updateMany({ where: { id, confirmTokenHash }, data: used });
  return false;
}

/**
 * One conditional UPDATE on the direct connection under the busy policy: of two processes (or two stores
 * in one process) claiming the same row, one changes it and the other finds it claimed. Never a Prisma
 * write here: a second client in this process would wait for the lock synchronously, freezing the event
 * loop the first one needs to commit.
 */
export async function claimConfirmation(
  db: Db,
  id: number,
  token: { hash: string; expiresAt: Date },
  now: Date,
  claimMs: number,
): Promise<SubscriberRecord | null> {
  const sqlite = sqliteOf(db);
  const claimed = await withoutBusyWait(
    sqlite,
    () =>
      sqlite
        .prepare(
          `UPDATE "Subscriber" SET "confirmClaimedAt" = ?, "confirmTokenHash" = ?, "confirmExpiresAt" = ?, "confirmPending" = 1, "confirmAttempts" = "confirmAttempts" + 1
         WHERE "id" = ? AND ("confirmClaimedAt" IS NULL OR "confirmClaimedAt" < ?)`,
        )
        .run(
          storedDateTime(now),
          token.hash,
          storedDateTime(token.expiresAt),
          id,
          storedDateTime(new Date(now.getTime() - claimMs)),
        ).changes === 1,
  );
  return claimed ? db.subscriber.findUnique({ where: { id } }) : null;
}

export async function finishConfirmation(db: Db, id: number, outcome: ConfirmationOutcome): Promise<void> {
  const data =
    "sentAt" in outcome
      ? { confirmPending: false, confirmSentAt: outcome.sentAt, confirmLastError: null, confirmClaimedAt: null }
      : {
          confirmPending: outcome.pending,
          confirmLastError: outcome.error.slice(0, 500),
          confirmClaimedAt: null,
          ...(outcome.refundAttempt ? { confirmAttempts: { decrement: 1 } } : {}),
        };
  await db.subscriber.updateMany({ where: { id }, data });
}

export async function pendingConfirmations(db: Db, maxAttempts: number, limit: number): Promise<number[]> {
  const rows = await db.subscriber.findMany({
    where: { status: "pending", confirmPending: true, confirmAttempts: { lt: maxAttempts } },
    orderBy: { id: "asc" },
    take: limit,
    select: { id: true },
  });
  return rows.map((row) => row.id);
}
