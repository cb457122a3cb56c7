// Confirms a subscription. Link scanners open every link in a mail, so a GET only looks the token up
// (previewConfirmation) and the reader's click on "Confirm" posts it (confirmSubscription). The token is
// cleared when it is used, so a confirmed link afterwards is simply not valid any more.
import { maskEmail } from "@/domain/subscription/email-address";
import { parseStoredTopics } from "@/domain/subscription/topics";
import type { Store } from "@/server/store/store";
import { hashConfirmToken, isConfirmTokenShaped } from "./confirm-token";
import { subscriberLinks } from "./links";

export interface ConfirmationPreview {
  status: "awaiting_click" | "already_confirmed";
  maskedEmail: string;
  topics: string[];
}

export type PreviewOutcome = ConfirmationPreview | { status: "expired" } | { status: "invalid" };

/** Only "confirmed" carries the manage link: the click that used the token earns it, a replay does not. */
export type ConfirmOutcome =
  | { status: "confirmed"; maskedEmail: string; topics: string[]; manageUrl: string }
  | { status: "already_confirmed"; maskedEmail: string; topics: string[] }
  | { status: "expired" }
  | { status: "invalid" };

type Subscribers = Pick<Store, "subscribers">;

async function findByToken(store: Subscribers, token: string | undefined, now: Date) {
  if (!token || !isConfirmTokenShaped(token)) return { status: "invalid" as const };
  const hash = hashConfirmToken(token);
  const subscriber = await store.subscribers.byConfirmTokenHash(hash);
  if (!subscriber || subscriber.status === "unsubscribed") return { status: "invalid" as const };
  if (!subscriber.confirmExpiresAt || subscriber.confirmExpiresAt.getTime() <= now.getTime())
    return { status: "expired" as const };
  return { status: "found" as const, subscriber, hash };
}

/** What a confirmation link's page shows; changes nothing. */
export async function previewConfirmation({
  store,
  token,
  now,
}: {
  store: Subscribers;
  token: string | undefined;
  now: Date;
}): Promise<PreviewOutcome> {
  const found = await findByToken(store, token, now);
  if (found.status !== "found") return found;
  const { subscriber } = found;
  const status = subscriber.status === "pending" ? "awaiting_click" : "already_confirmed";
  return { status, maskedEmail: maskEmail(subscriber.email), topics: parseStoredTopics(subscriber.topics) };
}

export async function confirmSubscription({
  store,
  token,
  now,
  appUrl,
}: {
  store: Subscribers;
  token: string | undefined;
  now: Date;
  appUrl: string;
}): Promise<ConfirmOutcome> {
  const found = await findByToken(store, token, now);
  if (found.status !== "found") return found;
  const { subscriber, hash } = found;
  const shown = { maskedEmail: maskEmail(subscriber.email), topics: parseStoredTopics(subscriber.topics) };
  // Conditional on still holding this token, so two clicks at once confirm exactly once; the token goes with it.
  if (await store.subscribers.activate(subscriber.id, hash, now))
    return { status: "confirmed", ...shown, manageUrl: subscriberLinks(subscriber, appUrl).manageUrl };
  return { status: "already_confirmed", ...shown };
}
