// Benchmark: ?like= ranking alone: the related index over N synthetic papers (the bench:ingest generator),
// then one similarity query per sampled abstract, scored against every paper's signature.
// Prints the index build time and the per-query median and worst (wall and CPU).
// Usage: npm run bench:like [-- <papers> <queries>]
import os from "node:os";
import { RelatedIndex } from "../src/domain/related/related-index";
import { parseTextExport } from "../src/domain/text-export";
import { syntheticTextExports } from "./synthetic-papers";

const PAPERS = Number(process.argv[2] ?? 100_000);
const QUERIES = Number(process.argv[3] ?? 50);

const entries = syntheticTextExports(PAPERS, 10_000).flatMap((file) => parseTextExport(file.content));
console.log(
  `bench:like: ${entries.length} synthetic papers, ${QUERIES} queries, Node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg()[0]!.toFixed(1)}`,
);
const index = new RelatedIndex();
let started = performance.now();
index.add(entries.map((e, i) => ({ paperId: i + 1, title: e.title, abstract: e.abstract })));
console.log(`index built in ${((performance.now() - started) / 1000).toFixed(1)} s`);

const wall: number[] = [];
const cpu: number[] = [];
let found = 0;
for (let q = 0; q < QUERIES; q++) {
  const text = entries[Math.floor(((q + 0.5) / QUERIES) * entries.length)]!.abstract;
  const cpuBefore = process.cpuUsage();
  started = performance.now();
  found += index.similarTo(text, 200).length;
  wall.push(performance.now() - started);
  const used = process.cpuUsage(cpuBefore);
  cpu.push((used.user + used.system) / 1000);
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
console.log(
  `per query: median ${median(wall).toFixed(1)} ms wall, ${median(cpu).toFixed(1)} ms CPU; worst ${Math.max(...wall).toFixed(1)} ms wall; ${(found / QUERIES).toFixed(0)} papers kept per query`,
);
