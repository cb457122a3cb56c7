// Prepares the database: applies migrations and loads the sample papers into an empty store.
import { env } from "@/env";
import { openDb } from "@/server/db";
import { applyMigrations } from "@/server/migrate";
import { loadSampleIfEmpty } from "@/server/sample-data";

export async function prepareDatabase(now = new Date()): Promise<void> {
  const settings = env();
  applyMigrations(settings.databaseUrl);
  const db = await openDb(settings.databaseUrl);
  try {
    if (settings.SAMPLE_DATA === "on") {
      const loaded = await loadSampleIfEmpty(db, now);
      if (loaded > 0) console.log(`Loaded ${loaded} sample papers.`);
    }
    console.log(`Database ready: ${settings.databaseUrl.replace(/^file:/, "")} (${await db.paper.count()} papers)`);
  } finally {
    await db.$disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  prepareDatabase().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
