// Sends one delivery: claim it, compose, send, record. The claim comes first so only one runner acts;
// the send is recorded only after SMTP accepted it, so a crash in between leaves "sending", never "pending".
import type { Db } from "@/server/db";
import type { Mailer } from "@/server/mail-types";
import { claimDelivery, markFailed, markNothingToSend, markSent } from "./delivery-claims";
import type { DigestCandidates } from "./digest-candidates";
import { composeFor, digestMail, type DigestRecipient } from "./digest-mail";
import type { DigestSettings } from "./digest-settings";

export type DeliveryOutcome = "sent" | "skipped" | "retry" | "failed" | "taken";

export interface DueDelivery {
  id: number;
  attempts: number;
  subscriber: DigestRecipient;
}

export interface DeliverContext {
  db: Db;
  mailer: Mailer;
  date: string;
  candidates: DigestCandidates;
  settings: DigestSettings;
  clock: () => Date;
  log: (line: string) => void;
}

export async function deliverOne(
  ctx: DeliverContext,
  delivery: DueDelivery,
  sentPaperIds: ReadonlySet<number>,
): Promise<DeliveryOutcome> {
  const { db, settings, clock } = ctx;
  const claim = await claimDelivery(db, delivery.id, clock());
  if (claim === "taken") return "taken";
  if (claim === "inactive") return "skipped";
  const attempt = { id: delivery.id, subscriberId: delivery.subscriber.id, attempts: delivery.attempts + 1 };

  let mail;
  let paperIds: number[];
  try {
    const items = composeFor(delivery.subscriber, ctx.candidates, sentPaperIds, settings.size);
    if (items.length === 0) {
      await markNothingToSend(db, delivery.id);
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
    ctx.log(`digest ${ctx.date}: could not compose delivery ${delivery.id}: ${String(error)}`);
    return (await markFailed(db, attempt, error, clock(), settings.maxAttempts)) === "retry" ? "retry" : "failed";
  }

  let messageId: string;
  try {
    ({ messageId } = await ctx.mailer.send(mail));
  } catch (error) {
    const outcome = await markFailed(db, attempt, error, clock(), settings.maxAttempts);
    ctx.log(
      `digest ${ctx.date}: delivery ${delivery.id} to ${delivery.subscriber.email} ${outcome}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return outcome === "retry" ? "retry" : "failed";
  }
  // No catch here on purpose: if recording fails, the row stays "sending" and becomes "unknown", never resent.
  await markSent(db, {
    deliveryId: delivery.id,
    subscriberId: delivery.subscriber.id,
    messageId,
    paperIds,
    sentAt: clock(),
    windowEnd: ctx.candidates.takenAt,
  });
  return "sent";
}
