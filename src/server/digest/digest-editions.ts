// The digest on the web: today's general edition and a reader's own next digest (past editions: the store).
import type { DigestItem } from "@/domain/digest/compose-digest";
import { digestDateOf } from "@/domain/digest/digest-date";
import type { DigestRecipient } from "@/server/store/digest";
import type { Store } from "@/server/store/store";
import { findSubscriberByManageToken } from "@/server/subscriptions/find-subscriber";
import { loadDigestCandidates } from "./digest-candidates";
import { composeFor } from "./digest-mail";
import type { DigestSettings } from "./digest-settings";
import { sentPapersOf } from "./sent-papers";

const GENERAL_READER: DigestRecipient = {
  id: 0,
  email: "",
  topics: "[]",
  query: "",
  authors: "[]",
  cadence: "daily",
  lastDigestAt: null,
  manageTokenHash: "",
};

/** Today's edition for everyone: the last day's overall top list, no personal topics. */
export async function todayEdition(
  store: Pick<Store, "listing" | "topics" | "search">,
  now: Date,
  settings: DigestSettings,
): Promise<{ date: string; items: DigestItem[] }> {
  const candidates = await loadDigestCandidates(store, now);
  return {
    date: digestDateOf(now, settings.timeZone),
    items: await composeFor(GENERAL_READER, candidates, new Set(), settings.size),
  };
}

/** A reader's own next digest, as it would be composed now; null for an invalid token. */
export async function subscriberPreview(
  store: Pick<Store, "listing" | "topics" | "search" | "subscribers" | "digest">,
  token: string | undefined,
  now: Date,
  settings: DigestSettings,
) {
  const subscriber = await findSubscriberByManageToken(store, token);
  if (!subscriber) return null;
  const candidates = await loadDigestCandidates(store, now);
  const sent = (await sentPapersOf(store, [subscriber.id], now)).get(subscriber.id) ?? new Set<number>();
  return {
    date: digestDateOf(now, settings.timeZone),
    status: subscriber.status,
    items: await composeFor(subscriber, candidates, sent, settings.size),
  };
}
