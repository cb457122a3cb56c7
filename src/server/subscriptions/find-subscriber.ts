// Finds the subscriber a manage token belongs to, checking the signature in constant time.
import type { Store } from "@/server/store/store";
import { manageTokenId, manageTokenMatches } from "./links";

export async function findSubscriberByManageToken(store: Pick<Store, "subscribers">, token: string | undefined | null) {
  if (!token) return null;
  const id = manageTokenId(token);
  if (id === null) return null;
  const subscriber = await store.subscribers.byId(id);
  if (!subscriber || !manageTokenMatches(token, subscriber)) return null;
  return subscriber;
}
