// npm run related:rebuild: recomputes every paper's related list with the current corpus's term weights.
// Ingest keeps the lists fresh incrementally; this is for after a very large import (docs/related.md).
import { env } from "@/env";
import { openDb } from "@/server/db";
import { rebuildRelated } from "@/server/related-store";

async function main(): Promise<void> {
  const db = await openDb(env().databaseUrl);
  try {
    const started = performance.now();
    const { papers, rows } = await rebuildRelated(db);
    console.log(
      `Rebuilt related lists of ${papers} papers (${rows} rows) in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
