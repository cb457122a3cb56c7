// npm run trending:rebuild: recomputes every trend key for the current TRENDING_HALF_LIFE_HOURS.
import { env } from "@/env";
import { openDb } from "@/server/db";
import { rebuildTrendKeys } from "@/server/trend-keys-rebuild";

const settings = env();
const db = await openDb(settings.databaseUrl);
try {
  const count = await rebuildTrendKeys(db, settings.TRENDING_HALF_LIFE_HOURS);
  console.log(`Rebuilt the trend keys of ${count} papers for a half-life of ${settings.TRENDING_HALF_LIFE_HOURS} h.`);
} finally {
  await db.$disconnect();
}
