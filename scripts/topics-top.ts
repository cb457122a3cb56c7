// Prints the largest topics of the sample dataset as stored after a fresh load (for docs/search.md).
// npx tsx scripts/topics-top.ts [count]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadSampleIfEmpty } from "@/server/papers/sample-data";
import { openStore } from "@/server/store/open-store";

const count = Number(process.argv[2] ?? 30);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "topics-top-"));
const store = await openStore(`file:${path.join(dir, "sample.db")}`, { halfLifeHours: 24 });
try {
  await loadSampleIfEmpty(store, new Date("2026-11-26T12:00:00Z"), 24);
  const topics = await store.topics.listTopics();
  console.log(`${topics.length} topics`);
  topics.slice(0, count).forEach((t, i) => console.log(`${i + 1}. ${t.label} (${t.paperCount})`));
} finally {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
