// Prepares the database: opening the store applies migrations; then the sample papers go into an empty store.
import { env } from "@/env";
import { loadSampleIfEmpty } from "@/server/papers/sample-data";
import { ensurePrivateDir, makeDatabaseFilesPrivate } from "@/server/platform/private-files";
import { openConfiguredStore } from "@/server/store/open-store";
import { databaseFile } from "@/server/store/sqlite/database-file";

export async function prepareDatabase(now = new Date()): Promise<void> {
  const settings = env();
  ensurePrivateDir(settings.dataDir);
  const store = await openConfiguredStore();
  if (settings.databaseUrl.startsWith("file:")) makeDatabaseFilesPrivate(databaseFile(settings.databaseUrl));
  try {
    if (settings.SAMPLE_DATA === "on") {
      const loaded = await loadSampleIfEmpty(store, now, settings.TRENDING_HALF_LIFE_HOURS);
      if (loaded > 0) console.log(`Loaded ${loaded} sample papers.`);
    }
    console.log(
      `Database ready: ${settings.databaseUrl.replace(/^file:/, "").replace(/\/\/[^@/]*@/, "//")} (${await store.papers.countPapers()} papers)`,
    );
  } finally {
    await store.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  prepareDatabase().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
