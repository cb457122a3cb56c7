// Confirms a subscription from the emailed link. The state changes once; revisiting the link before it expires
// (mail scanners often open it first) shows "already confirmed" instead of an error.
import { maskEmail } from "@/domain/subscription/email-address";
import { parseStoredTopics } from "@/domain/subscription/topics";
import type { Db } from "@/server/db";
import { hashConfirmToken, isConfirmTokenShaped } from "./confirm-token";
import { subscriberLinks } from "./links";

export interface ConfirmedSubscription {
  status: "confirmed" | "already_confirmed";
  maskedEmail: string;
  topics: string[];
  manageUrl: string;
}

export type ConfirmOutcome = ConfirmedSubscription | { status: "expired" } | { status: "invalid" };

export async function confirmSubscription({
  db,
  token,
  now,
  appUrl,
}: {
  db: Db;
  token: string | undefined;
  now: Date;
  appUrl: string;
}): Promise<ConfirmOutcome> {
  if (!token || !isConfirmTokenShaped(token)) return { status: "invalid" };
  const hash = hashConfirmToken(token);
  const subscriber = await db.subscriber.findUnique({ where: { confirmTokenHash: hash } });
  if (!subscriber || subscriber.status === "unsubscribed") return { status: "invalid" };
  if (!subscriber.confirmExpiresAt || subscriber.confirmExpiresAt.getTime() <= now.getTime())
    return { status: "expired" };
  let status: "confirmed" | "already_confirmed" = "already_confirmed";
  if (subscriber.status === "pending") {
    // Conditional on still being pending with this token, so two clicks at once confirm exactly once.
    const { count } = await db.subscriber.updateMany({
      where: { id: subscriber.id, status: "pending", confirmTokenHash: hash },
      data: {
        status: "active",
        confirmedAt: now,
        confirmPending: false,
        pausedAt: null,
        suppressedAt: null,
        suppressReason: null,
      },
    });
    if (count === 1) status = "confirmed";
  }
  return {
    status,
    maskedEmail: maskEmail(subscriber.email),
    topics: parseStoredTopics(subscriber.topics),
    manageUrl: subscriberLinks(subscriber, appUrl).manageUrl,
  };
}
