// Store modules that use only Prisma's model API (findMany, updateMany, ...) and portable tagged queries
// are shared by both engines: the two generated clients have the same models, so the same calls work on
// either. This is the one place the PostgreSQL client is handed to them under the SQLite client's type.
import type { Db } from "@/server/store/sqlite/prisma-client";
import type { PgDb } from "./pg-client";

export function modelApi(db: PgDb): Db {
  return db as unknown as Db;
}
