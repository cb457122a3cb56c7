// Re-sends confirmation mails that could not go out (SMTP down), so no subscribe request is lost.
import type { Store } from "@/server/store/store";
import type { Mailer } from "@/server/platform/mail-types";
import { sendConfirmation } from "./send-confirmation";

/** At a 10-minute scheduler tick, 24 attempts ride out a four-hour mail outage. */
export const MAX_CONFIRM_ATTEMPTS = 24;

export interface RetryConfirmationsInput {
  store: Pick<Store, "subscribers" | "topics">;
  mailer: Mailer;
  now: Date;
  appUrl: string;
  limit?: number;
  /** Aborted when the process stops: the mail being sent finishes, no new one starts. */
  signal?: AbortSignal;
}

export async function retryPendingConfirmations({
  store,
  mailer,
  now,
  appUrl,
  limit = 200,
  signal,
}: RetryConfirmationsInput) {
  const due = await store.subscribers.pendingConfirmations(MAX_CONFIRM_ATTEMPTS, limit);
  let sent = 0;
  // Each send claims its row (sendConfirmation): one another process is sending right now is skipped.
  // A fault of the mail system would fail every other mail the same way: the rest wait for the next pass.
  for (const id of due) {
    if (signal?.aborted) break;
    const outcome = await sendConfirmation({ store, mailer, now, appUrl, subscriberId: id });
    if (outcome === "sent") sent += 1;
    if (outcome === "fault") break;
  }
  return { attempted: due.length, sent };
}
