// Rate-limit windows on PostgreSQL: one INSERT ... ON CONFLICT DO UPDATE ... RETURNING per hit. The
// conflicting row is locked for the update, so hits from every instance at once are each counted once.
import type { RateLimitStore } from "@/server/store/rate-limits";
import type { PgDb } from "./pg-client";

export function pgRateLimits(db: PgDb): RateLimitStore {
  return {
    async hit(scope, key, now, windowMs) {
      const at = BigInt(now.getTime());
      const end = at + BigInt(windowMs);
      // A window that has ended restarts at this hit; otherwise the hit is added to it. SET reads the old row.
      const [row] = await db.$queryRaw<{ count: number; windowEndMs: bigint }[]>`
        INSERT INTO "RateLimit" ("scope", "key", "windowEndMs", "count") VALUES (${scope}, ${key}, ${end}, 1)
        ON CONFLICT ("scope", "key") DO UPDATE SET
          "count" = CASE WHEN "RateLimit"."windowEndMs" <= ${at} THEN 1 ELSE "RateLimit"."count" + 1 END,
          "windowEndMs" = CASE WHEN "RateLimit"."windowEndMs" <= ${at} THEN excluded."windowEndMs" ELSE "RateLimit"."windowEndMs" END
        RETURNING "count", "windowEndMs"`;
      return { count: row!.count, endsAt: new Date(Number(row!.windowEndMs)) };
    },
    sweep: (now) => db.$executeRaw`DELETE FROM "RateLimit" WHERE "windowEndMs" <= ${BigInt(now.getTime())}`,
    async clear(scope) {
      if (scope === undefined) await db.$executeRaw`DELETE FROM "RateLimit"`;
      else await db.$executeRaw`DELETE FROM "RateLimit" WHERE "scope" = ${scope}`;
    },
  };
}
