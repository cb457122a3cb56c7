// npm run trending:rebuild: recomputes every trend key for the current TRENDING_HALF_LIFE_HOURS.
import { env } from "@/env";
import { openConfiguredStore } from "@/server/store/open-store";

const settings = env();
const store = await openConfiguredStore();
try {
  const count = await store.trending.rebuildTrendKeys();
  console.log(`Rebuilt the trend keys of ${count} papers for a half-life of ${settings.TRENDING_HALF_LIFE_HOURS} h.`);
} finally {
  await store.close();
}
