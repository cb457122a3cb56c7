// npm run bench:digest: one edition for 10,000 active subscribers with random topics, on a fresh temporary
// database with the 210 sample papers, sent over pooled SMTP to an in-process sink. Prints emails/s,
// total time, CPU per mail and peak resident memory (the sink runs in the same process, so the figures are
// conservative), then checks that what the sink received matches what the database recorded.
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import type { Db } from "../src/server/store/sqlite/prisma-client";
import { openSqliteStore } from "../src/server/store/sqlite/sqlite-store";
import { runDigest } from "../src/server/digest/run-digest";
import { digestSettingsFromEnv } from "../src/server/digest/digest-settings";
import { createMailer } from "../src/server/platform/mailer";
import { loadSampleIfEmpty } from "../src/server/papers/sample-data";
import { newManageNonce } from "../src/server/subscriptions/links";

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 10_000);
const RATE = Number(process.env.BENCH_RATE ?? 10_000);
const NOW = new Date("2026-11-26T07:00:00.000Z");

let seed = 7;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;

async function main(): Promise<void> {
  process.env.SECRET_KEY ??= "bench-digest-secret-key-0123456789abcdef";
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-digest-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  const store = await openSqliteStore(url, { halfLifeHours: 24 });
  const db = store.db;
  await loadSampleIfEmpty(store, new Date(NOW.getTime() - 3_600_000), 24);
  const topics = (await db.topic.findMany({ orderBy: { paperCount: "desc" }, take: 40, select: { slug: true } })).map(
    (t) => t.slug,
  );
  const rows = Array.from({ length: SUBSCRIBERS }, (_, i) => ({
    email: `reader${i}@bench.example.com`,
    status: "active",
    topics: JSON.stringify(topics.filter(() => random() < 3 / Math.max(1, topics.length))),
    createdAt: NOW,
    manageTokenHash: newManageNonce(),
  }));
  for (let i = 0; i < rows.length; i += 1000) await db.subscriber.createMany({ data: rows.slice(i, i + 1000) });

  let received = 0;
  const sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    maxClients: 50,
    onData(stream, _session, callback) {
      stream.on("data", () => {});
      stream.on("end", () => {
        received += 1;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => sink.listen(0, "127.0.0.1", resolve));
  const port = (sink.server.address() as AddressInfo).port;
  const settings = { ...digestSettingsFromEnv(), appUrl: "https://papers.example.org", timeZone: "UTC" };
  if (process.env.BENCH_CONCURRENCY) settings.concurrency = Number(process.env.BENCH_CONCURRENCY);
  const mailer = createMailer({
    smtpUrl: `smtp://127.0.0.1:${port}`,
    outboxDir: dir,
    from: "digest@papers.example.org",
    appUrl: settings.appUrl,
    pool: true,
    ratePerSecond: RATE,
    log: () => {},
  });

  console.log(
    `bench:digest: ${SUBSCRIBERS} subscribers, ${await db.paper.count()} papers, ${topics.length} topics, concurrency ${settings.concurrency}, rate limit ${RATE}/s`,
  );
  // The machine is shared: the load average says how much of it this run had.
  const loadBefore = os.loadavg()[0]!;
  const cpuBefore = process.cpuUsage();
  // Where resident memory goes during the run: the JS heap, or buffers outside it (sockets, SQLite).
  const rssBeforeMb = process.memoryUsage().rss / 2 ** 20;
  const peak = { heapMb: 0, externalMb: 0, rssMb: 0 };
  const sampleMemory = () => {
    const usage = process.memoryUsage();
    peak.heapMb = Math.max(peak.heapMb, usage.heapUsed / 2 ** 20);
    peak.externalMb = Math.max(peak.externalMb, (usage.external + usage.arrayBuffers) / 2 ** 20);
    peak.rssMb = Math.max(peak.rssMb, usage.rss / 2 ** 20);
  };
  const sampler = setInterval(sampleMemory, 200);
  const started = performance.now();
  // Timed from the call: queueing, candidates, composing, claiming, sending and recording all count.
  const result = await runDigest({ store, mailer, now: NOW, settings, log: (line) => console.log(`  ${line}`) });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const loadAfter = os.loadavg()[0]!;
  clearInterval(sampler);
  await mailer.close();
  await new Promise<void>((resolve) => sink.close(() => resolve()));
  const peakRssMb = process.resourceUsage().maxRSS / 1024;

  const problems = await checkRecorded(db, result.sent, received);
  console.log(`sent ${result.sent}, skipped ${result.skipped}, failed ${result.failed}; sink received ${received}`);
  console.log(`total time      ${seconds.toFixed(1)} s`);
  console.log(`throughput      ${(result.sent / seconds).toFixed(0)} emails/s   (target >= 200)`);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(
    `CPU             ${((1000 * cpuSeconds) / Math.max(1, result.sent)).toFixed(2)} ms per mail, sender and sink (${cpuSeconds.toFixed(1)} s, ${((100 * cpuSeconds) / seconds).toFixed(0)}% of one core)`,
  );
  console.log(
    `peak RSS        ${peakRssMb.toFixed(0)} MB   (target < 400); before the run ${rssBeforeMb.toFixed(0)} MB; during it: RSS ${peak.rssMb.toFixed(0)} MB, JS heap ${peak.heapMb.toFixed(0)} MB, buffers ${peak.externalMb.toFixed(0)} MB`,
  );
  console.log(`load average    ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)} on ${os.cpus().length} cores`);
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
  if (problems.length > 0) {
    console.error(`bench:digest: the run did not record what it sent:\n  ${problems.join("\n  ")}`);
    process.exit(1);
  }
}

/** Every mail the sink got is a sent delivery, with its SentPaper rows and the reader's window moved. */
async function checkRecorded(db: Db, sent: number, received: number): Promise<string[]> {
  const problems: string[] = [];
  const deliveries = await db.delivery.findMany({ where: { status: "sent" }, select: { paperIds: true } });
  const papersSent = deliveries.reduce((sum, d) => sum + (JSON.parse(d.paperIds) as number[]).length, 0);
  const sentPapers = await db.sentPaper.count();
  const windowsMoved = await db.subscriber.count({ where: { lastDigestAt: NOW } });
  if (received !== sent) problems.push(`sink received ${received}, run reported ${sent}`);
  if (deliveries.length !== sent) problems.push(`${deliveries.length} deliveries recorded sent, run reported ${sent}`);
  if (sentPapers !== papersSent) problems.push(`${sentPapers} SentPaper rows for ${papersSent} papers sent`);
  if (windowsMoved !== sent) problems.push(`${windowsMoved} readers' windows moved for ${sent} sent`);
  if (await db.delivery.count({ where: { status: { not: "sent" } } })) problems.push("deliveries left unsent");
  return problems;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
