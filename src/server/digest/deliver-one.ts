// Sends one claimed delivery: mark it sending, compose, send, record. The mark comes first so only the claiming
// run acts; the send is recorded only after SMTP accepted it, so a crash in between leaves "sending", never "pending".
import { redactAddresses } from "@/server/platform/log-redact";
import { MailSendError, type Mailer } from "@/server/platform/mail-types";
import { classifySmtpError } from "@/server/platform/smtp-faults";
import type { DigestStore, DueDelivery, SentRecord } from "@/server/store/digest";
import { markFailed, markNothingToSend } from "./delivery-claims";
import type { DigestCandidates } from "./digest-candidates";
import { composeFor, digestMail } from "./digest-mail";
import type { DigestSettings } from "./digest-settings";

/** "recording": sent, its record handed to the run's recorder (which counts it "sent" once written). */
export type DeliveryOutcome = "recording" | "skipped" | "retry" | "failed" | "taken" | "unknown" | "fault";

export interface DeliverContext {
  digest: DigestStore;
  mailer: Mailer;
  date: string;
  candidates: DigestCandidates;
  settings: DigestSettings;
  clock: () => Date;
  log: (line: string) => void;
  /** A fault of the run, not of this reader (sender refused, connection lost): the run stops claiming. */
  halt: (reason: string) => void;
  /** claimed → sending for this run (sendingMarks); false when the claim is no longer this run's. */
  markSending: (deliveryId: number) => Promise<boolean>;
  /** Hands a send over to be recorded with others (sentRecords); the run waits for every record before it ends. */
  recordSent: (record: SentRecord) => void;
}

export async function deliverOne(
  ctx: DeliverContext,
  delivery: DueDelivery,
  sentPaperIds: ReadonlySet<number>,
): Promise<DeliveryOutcome> {
  const { digest, settings, clock } = ctx;
  if (!(await ctx.markSending(delivery.id))) return "taken";
  const attempt = { id: delivery.id, subscriberId: delivery.subscriber.id, attempts: delivery.attempts + 1 };

  let mail;
  let paperIds: number[];
  try {
    const items = await composeFor(delivery.subscriber, ctx.candidates, sentPaperIds, settings.size);
    if (items.length === 0) {
      await markNothingToSend(digest, delivery.id);
      return "skipped";
    }
    paperIds = items.map((item) => item.paper.id);
    mail = digestMail({
      recipient: delivery.subscriber,
      items,
      date: ctx.date,
      deliveryId: delivery.id,
      candidates: ctx.candidates,
      settings,
    });
  } catch (error) {
    // Nothing was sent yet, so handing it back for a retry cannot duplicate anything.
    ctx.log(`digest ${ctx.date}: could not compose delivery ${delivery.id}: ${redactAddresses(String(error))}`);
    const failure = new MailSendError(`Could not compose: ${String(error)}`, "recipient-later");
    return (await markFailed(digest, attempt, failure, clock(), settings.maxAttempts)) === "retry" ? "retry" : "failed";
  }

  let messageId: string;
  try {
    ({ messageId } = await ctx.mailer.send(mail));
  } catch (error) {
    // The mailer classifies its own failures; anything else thrown never reached the server.
    const failure = classifySmtpError(error, false);
    const outcome = await markFailed(digest, attempt, failure, clock(), settings.maxAttempts);
    const reason = redactAddresses(failure.message);
    ctx.log(
      `digest ${ctx.date}: delivery ${delivery.id} to subscriber ${delivery.subscriber.id} ${outcome}: ${reason}`,
    );
    // An unanswered send is a connection fault too: the next mail would most likely hang the same way.
    if (outcome === "fault" || outcome === "unknown") ctx.halt(`${failure.stage ? `${failure.stage}: ` : ""}${reason}`);
    return outcome === "suppressed" ? "failed" : outcome;
  }
  // If recording fails, the row stays "sending" and becomes "unknown", never resent.
  ctx.recordSent({
    deliveryId: delivery.id,
    subscriberId: delivery.subscriber.id,
    messageId,
    paperIds,
    sentAt: clock(),
    windowEnd: ctx.candidates.takenAt,
  });
  return "recording";
}
