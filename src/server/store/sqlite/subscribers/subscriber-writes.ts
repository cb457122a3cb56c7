// Subscriber rows through Prisma: create, change, confirm, and the claimed sending of confirmation mails.
import { Prisma } from "../../../../generated/prisma/client";
import type { NewSubscriber, SubscriberChanges, SubscriberRecord } from "../../subscribers";
import type { Db } from "../prisma-client";

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
  const { count } = await db.subscriber.updateMany({
    where: { id, status: "pending", confirmTokenHash },
    data: { status: "active", confirmedAt: now, confirmPending: false, pausedAt: null, suppressedAt: null, suppressReason: null },
  });
  return count === 1;
}

/** One conditional UPDATE: of two processes claiming the same row, one changes it and the other finds it claimed. */
export async function claimConfirmation(db: Db, id: number, token: { hash: string; expiresAt: Date }, now: Date, claimMs: number): Promise<SubscriberRecord | null> {
  const { count } = await db.subscriber.updateMany({
    where: { id, OR: [{ confirmClaimedAt: null }, { confirmClaimedAt: { lt: new Date(now.getTime() - claimMs) } }] },
    data: { confirmClaimedAt: now, confirmTokenHash: token.hash, confirmExpiresAt: token.expiresAt, confirmPending: true, confirmAttempts: { increment: 1 } },
  });
  return count === 1 ? db.subscriber.findUnique({ where: { id } }) : null;
}

export async function finishConfirmation(db: Db, id: number, outcome: { sentAt: Date } | { pending: boolean; error: string }): Promise<void> {
  const data = "sentAt" in outcome
    ? { confirmPending: false, confirmSentAt: outcome.sentAt, confirmLastError: null, confirmClaimedAt: null }
    : { confirmPending: outcome.pending, confirmLastError: outcome.error.slice(0, 500), confirmClaimedAt: null };
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
