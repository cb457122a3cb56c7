// npm run related:rebuild: recomputes every paper's related list with the current corpus's term weights.
// Ingest keeps the lists fresh incrementally; this is for after a very large import (docs/related.md).
import { openConfiguredStore } from "@/server/store/open-store";

async function main(): Promise<void> {
  const store = await openConfiguredStore();
  try {
    const started = performance.now();
    const { papers, rows } = await store.related.rebuildRelated();
    console.log(
      `Rebuilt related lists of ${papers} papers (${rows} rows) in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    );
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
