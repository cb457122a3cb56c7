// Forgets addresses whose owner never confirmed: we keep no data about people who did not opt in.
import type { Store } from "@/server/store/store";

export const UNCONFIRMED_RETENTION_DAYS = 7;

/** Deletes pending rows never confirmed and last requested more than a week ago; returns how many. */
export async function purgeUnconfirmed({
  store,
  now,
}: {
  store: Pick<Store, "subscribers">;
  now: Date;
}): Promise<number> {
  const cutoff = new Date(now.getTime() - UNCONFIRMED_RETENTION_DAYS * 86_400_000);
  return store.subscribers.purgeUnconfirmed(cutoff);
}
