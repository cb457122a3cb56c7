// Finds the subscriber a manage token belongs to, checking the signature in constant time.
import type { Db } from "@/server/db";
import { manageTokenId, manageTokenMatches } from "./links";

export async function findSubscriberByManageToken(db: Db, token: string | undefined | null) {
  if (!token) return null;
  const id = manageTokenId(token);
  if (id === null) return null;
  const subscriber = await db.subscriber.findUnique({ where: { id } });
  if (!subscriber || !manageTokenMatches(token, subscriber)) return null;
  return subscriber;
}
