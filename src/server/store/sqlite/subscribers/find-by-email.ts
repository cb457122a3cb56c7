// Looks an address up the way mailbox providers treat it: the local part's case does not make a new person.
import type { Db } from "@/server/store/sqlite/prisma-client";

export async function findSubscriberByEmail(db: Db, email: string) {
  // Plain SQL that SQLite and PostgreSQL both understand; at list sizes this scan is cheap.
  const rows = await db.$queryRaw<
    { id: number }[]
  >`SELECT "id" FROM "Subscriber" WHERE lower("email") = ${email.toLowerCase()} ORDER BY "id" LIMIT 1`;
  const id = rows[0]?.id;
  return id === undefined ? null : db.subscriber.findUnique({ where: { id: Number(id) } });
}
