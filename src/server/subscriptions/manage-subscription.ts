// Changes a subscription through its manage token: what it follows and when, pause, resume, unsubscribe, or
// new links.
import { maskEmail } from "@/domain/subscription/email-address";
import { parseJsonList } from "@/domain/json-list";
import {
  DEFAULT_WEEKDAY,
  WEEKDAYS,
  type Cadence,
  type SavedQuery,
  type Weekday,
} from "@/domain/subscription/saved-query";
import { parseStoredTopics } from "@/domain/subscription/topics";
import type { Store } from "@/server/store/store";
import { findSubscriberByManageToken } from "./find-subscriber";
import { manageToken, newManageNonce } from "./links";
import { savedQueryColumns, type SavedQueryInput } from "./saved-query-input";

export type ManageAction =
  | { kind: "topics"; topics: string[] }
  | { kind: "follow"; saved: SavedQuery; cadence?: Cadence; weekday?: Weekday }
  | { kind: "pause" }
  | { kind: "resume" }
  | { kind: "unsubscribe" }
  | { kind: "rotate" };

/** A manage request as read: a "follow" action's topics still to be checked against the catalogue. */
export type ManageRequest =
  | Exclude<ManageAction, { kind: "follow" }>
  | { kind: "follow"; follows: SavedQueryInput; cadence?: Cadence; weekday?: Weekday };

export interface SubscriptionView {
  maskedEmail: string;
  status: "pending" | "active" | "paused" | "unsubscribed";
  topics: string[];
  query: string;
  authors: string[];
  cadence: Cadence;
  weekday: Weekday;
  confirmedAt: Date | null;
  pausedAt: Date | null;
  unsubscribedAt: Date | null;
  /** Mail to the address bounced: no digests until the reader confirms the address again (subscribing anew). */
  suppressed: boolean;
  /** The token to use from now on (differs from the one given only after "rotate"). */
  token: string;
}

export type ManageResult =
  { ok: true; view: SubscriptionView } | { ok: false; reason: "invalid_token" | "needs_new_opt_in" };

type Row = NonNullable<Awaited<ReturnType<typeof findSubscriberByManageToken>>>;

export function subscriptionView(row: Row): SubscriptionView {
  const status =
    (["pending", "active", "paused", "unsubscribed"] as const).find((s) => s === row.status) ?? "unsubscribed";
  return {
    maskedEmail: maskEmail(row.email),
    status,
    topics: parseStoredTopics(row.topics),
    query: row.query,
    authors: parseJsonList(row.authors),
    cadence: row.cadence === "weekly" ? "weekly" : "daily",
    weekday: WEEKDAYS.find((day) => day === row.weekday) ?? DEFAULT_WEEKDAY,
    confirmedAt: row.confirmedAt,
    pausedAt: row.pausedAt,
    unsubscribedAt: row.unsubscribedAt,
    suppressed: row.suppressedAt !== null && row.status !== "unsubscribed",
    token: manageToken(row),
  };
}

export async function manageSubscription({
  store,
  token,
  now,
  action,
}: {
  store: Pick<Store, "subscribers">;
  token: string | undefined;
  now: Date;
  action: ManageAction;
}): Promise<ManageResult> {
  const row = await findSubscriberByManageToken(store, token);
  if (!row) return { ok: false, reason: "invalid_token" };
  const data = changes(row, action, now);
  if (data === "needs_new_opt_in") return { ok: false, reason: data };
  const updated = data ? await store.subscribers.update(row.id, data) : row;
  return { ok: true, view: subscriptionView(updated) };
}

function changes(row: Row, action: ManageAction, now: Date) {
  switch (action.kind) {
    case "topics":
      return { topics: JSON.stringify(action.topics) };
    case "follow":
      return savedQueryColumns(action.saved, action);
    case "pause":
      return row.status === "active" ? { status: "paused", pausedAt: now } : null;
    case "resume":
      if (row.status === "paused") return { status: "active", pausedAt: null };
      // Mail after an unsubscribe needs a fresh double opt-in, never a single click.
      return row.status === "unsubscribed" ? ("needs_new_opt_in" as const) : null;
    case "unsubscribe":
      return row.status === "unsubscribed"
        ? null
        : {
            status: "unsubscribed",
            unsubscribedAt: now,
            pausedAt: null,
            confirmTokenHash: null,
            confirmExpiresAt: null,
            confirmPending: false,
          };
    case "rotate":
      // New links void every old one, the confirmation link included.
      return { manageTokenHash: newManageNonce(), confirmTokenHash: null, confirmExpiresAt: null };
  }
}
