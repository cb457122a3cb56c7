// Rate-limit windows on SQLite: one upsert on the direct connection per hit (a prepared statement, tens of
// microseconds), so processes sharing the database file count together. The statement is its own
// transaction; a locked database is waited for under the store's busy policy.
import type { RateLimitStore } from "@/server/store/rate-limits";
import { retryWhenBusy } from "./busy-policy";
import { sqliteOf } from "./direct-connection";
import type { Db } from "./prisma-client";

// A window that has ended restarts at this hit; otherwise the hit is added to it. SET reads the old row.
const HIT = `
  INSERT INTO "RateLimit" ("scope", "key", "windowEndMs", "count") VALUES (@scope, @key, @end, 1)
  ON CONFLICT ("scope", "key") DO UPDATE SET
    "count" = CASE WHEN "RateLimit"."windowEndMs" <= @now THEN 1 ELSE "RateLimit"."count" + 1 END,
    "windowEndMs" = CASE WHEN "RateLimit"."windowEndMs" <= @now THEN excluded."windowEndMs" ELSE "RateLimit"."windowEndMs" END
  RETURNING "count", "windowEndMs"`;

export function sqliteRateLimits(db: Db): RateLimitStore {
  return {
    async hit(scope, key, now, windowMs) {
      const statement = sqliteOf(db).prepare<[Record<string, unknown>], { count: number; windowEndMs: number }>(HIT);
      const at = now.getTime();
      const row = await retryWhenBusy(() => statement.get({ scope, key, now: at, end: at + windowMs })!);
      return { count: row.count, endsAt: new Date(Number(row.windowEndMs)) };
    },
    async sweep(now) {
      const statement = sqliteOf(db).prepare(`DELETE FROM "RateLimit" WHERE "windowEndMs" <= ?`);
      return (await retryWhenBusy(() => statement.run(now.getTime()))).changes;
    },
    async clear(scope) {
      const connection = sqliteOf(db);
      await retryWhenBusy(() =>
        scope === undefined
          ? connection.prepare(`DELETE FROM "RateLimit"`).run()
          : connection.prepare(`DELETE FROM "RateLimit" WHERE "scope" = ?`).run(scope),
      );
    },
  };
}
