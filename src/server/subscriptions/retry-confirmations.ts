// Re-sends confirmation mails that could not go out (SMTP down), so no subscribe request is lost.
import { env } from "@/env";
import type { Db } from "@/server/db";
import type { Mailer } from "@/server/mail-types";
import { sendConfirmation } from "./send-confirmation";

/** At a 10-minute scheduler tick, 24 attempts ride out a four-hour mail outage. */
export const MAX_CONFIRM_ATTEMPTS = 24;

export interface RetryConfirmationsInput {
  db: Db;
  mailer: Mailer;
  now: Date;
  appUrl?: string;
  limit?: number;
}

export async function retryPendingConfirmations({
  db,
  mailer,
  now,
  appUrl = env().appUrl,
  limit = 200,
}: RetryConfirmationsInput) {
  const due = await db.subscriber.findMany({
    where: { status: "pending", confirmPending: true, confirmAttempts: { lt: MAX_CONFIRM_ATTEMPTS } },
    orderBy: { id: "asc" },
    take: limit,
    select: { id: true },
  });
  let sent = 0;
  for (const { id } of due) {
    if (await sendConfirmation({ db, mailer, now, appUrl, subscriberId: id })) sent += 1;
  }
  return { attempted: due.length, sent };
}
