// Rate-limit windows on PostgreSQL: one INSERT ... ON CONFLICT DO UPDATE ... RETURNING per hit, a prepared
// statement on the pool itself (see poolOf). The conflicting row is locked for the update, so hits from
// every instance at once are each counted once.
import type { RateLimitStore } from "@/server/store/rate-limits";
import { poolOf, type PgDb } from "./pg-client";

export function pgRateLimits(db: PgDb): RateLimitStore {
  return {
    async hit(scope, key, now, windowMs) {
      const at = now.getTime();
      // A window that has ended restarts at this hit; otherwise the hit is added to it. SET reads the old row.
      const { rows } = await poolOf(db).query<{ count: number; windowEndMs: string }>({
        name: "rate-limit-hit",
        text: `INSERT INTO "RateLimit" ("scope", "key", "windowEndMs", "count") VALUES ($1, $2, $3, 1)
          ON CONFLICT ("scope", "key") DO UPDATE SET
            "count" = CASE WHEN "RateLimit"."windowEndMs" <= $4 THEN 1 ELSE "RateLimit"."count" + 1 END,
            "windowEndMs" = CASE WHEN "RateLimit"."windowEndMs" <= $4 THEN excluded."windowEndMs" ELSE "RateLimit"."windowEndMs" END
          RETURNING "count", "windowEndMs"`,
        values: [scope, key, at + windowMs, at],
      });
      return { count: rows[0]!.count, endsAt: new Date(Number(rows[0]!.windowEndMs)) };
    },
    sweep: (now) => db.$executeRaw`DELETE FROM "RateLimit" WHERE "windowEndMs" <= ${BigInt(now.getTime())}`,
    async clear(scope) {
      if (scope === undefined) await db.$executeRaw`DELETE FROM "RateLimit"`;
      else await db.$executeRaw`DELETE FROM "RateLimit" WHERE "scope" = ${scope}`;
    },
  };
}
