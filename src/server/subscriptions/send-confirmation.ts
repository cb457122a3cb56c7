// Sends (or re-sends) the confirmation mail for a pending subscriber with a fresh token, recording the outcome.
import { confirmationEmail } from "@/emails/confirmation";
import { parseStoredTopics } from "@/domain/subscription/topics";
import type { Db } from "@/server/db";
import type { Mailer } from "@/server/mail-types";
import { toMailSendError } from "@/server/mailer";
import { CONFIRM_TTL_HOURS, createConfirmToken } from "./confirm-token";
import { confirmUrl } from "./links";

export interface SendConfirmationInput {
  db: Db;
  mailer: Mailer;
  now: Date;
  appUrl: string;
  subscriberId: number;
}

/** True when the mail went out. The token is stored before sending, so a crash never leaves a live unstored link. */
export async function sendConfirmation({
  db,
  mailer,
  now,
  appUrl,
  subscriberId,
}: SendConfirmationInput): Promise<boolean> {
  const confirm = createConfirmToken(now);
  const subscriber = await db.subscriber.update({
    where: { id: subscriberId },
    data: {
      confirmTokenHash: confirm.hash,
      confirmExpiresAt: confirm.expiresAt,
      confirmPending: true,
      confirmAttempts: { increment: 1 },
    },
  });
  const mail = confirmationEmail({
    confirmUrl: confirmUrl(confirm.token, appUrl),
    topics: parseStoredTopics(subscriber.topics),
    expiresInHours: CONFIRM_TTL_HOURS,
    appUrl,
  });
  try {
    await mailer.send({ to: subscriber.email, ...mail });
  } catch (error) {
    const failure = toMailSendError(error);
    // A permanent refusal (no such mailbox) stops the retries; a temporary one leaves the mail pending.
    await db.subscriber.updateMany({
      where: { id: subscriberId },
      data: {
        confirmPending: !failure.permanent,
        confirmLastError: `${failure.permanent ? "permanent" : "temporary"}: ${failure.message}`.slice(0, 500),
      },
    });
    return false;
  }
  await db.subscriber.updateMany({
    where: { id: subscriberId },
    data: { confirmPending: false, confirmSentAt: now, confirmLastError: null },
  });
  return true;
}
