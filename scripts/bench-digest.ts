// npm run bench:digest: one edition for 10,000 active subscribers with random topics, on a fresh temporary
// database with the 210 sample papers, sent over pooled SMTP to an in-process sink. Prints emails/s,
// total time and peak resident memory (the sink runs in the same process, so the figures are conservative).
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { openDb } from "../src/server/db";
import { runDigest } from "../src/server/digest/run-digest";
import { digestSettingsFromEnv } from "../src/server/digest/digest-settings";
import { createMailer } from "../src/server/mailer";
import { applyMigrations } from "../src/server/migrate";
import { loadSampleIfEmpty } from "../src/server/sample-data";
import { newManageNonce } from "../src/server/subscriptions/links";

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 10_000);
const RATE = Number(process.env.BENCH_RATE ?? 10_000);
const NOW = new Date("2026-11-26T07:00:00.000Z");

let seed = 7;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);

async function main(): Promise<void> {
  process.env.SECRET_KEY ??= "bench-digest-secret-key-0123456789abcdef";
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-digest-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  applyMigrations(url);
  const db = await openDb(url);
  await loadSampleIfEmpty(db, new Date(NOW.getTime() - 3_600_000));
  const topics = (await db.topic.findMany({ orderBy: { paperCount: "desc" }, take: 40, select: { slug: true } })).map((t) => t.slug);
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
    authOptional: true, disabledCommands: ["STARTTLS", "AUTH"], logger: false, maxClients: 50,
    onData(stream, _session, callback) {
      stream.on("data", () => {});
      stream.on("end", () => { received += 1; callback(); });
    },
  });
  await new Promise<void>((resolve) => sink.listen(0, "127.0.0.1", resolve));
  const port = (sink.server.address() as AddressInfo).port;
  const settings = { ...digestSettingsFromEnv(), appUrl: "https://papers.example.org", timeZone: "UTC" };
  const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, outboxDir: dir, from: "digest@papers.example.org", appUrl: settings.appUrl, pool: true, ratePerSecond: RATE, log: () => {} });

  console.log(`bench:digest: ${SUBSCRIBERS} subscribers, ${await db.paper.count()} papers, ${topics.length} topics, concurrency ${settings.concurrency}, rate limit ${RATE}/s`);
  const started = performance.now();
  const result = await runDigest({ db, mailer, now: NOW, settings, log: (line) => console.log(`  ${line}`) });
  const seconds = (performance.now() - started) / 1000;
  await mailer.close();
  await new Promise<void>((resolve) => sink.close(() => resolve()));
  const peakRssMb = process.resourceUsage().maxRSS / 1024;

  console.log(`sent ${result.sent}, skipped ${result.skipped}, failed ${result.failed}; sink received ${received}`);
  console.log(`total time      ${seconds.toFixed(1)} s`);
  console.log(`throughput      ${(result.sent / seconds).toFixed(0)} emails/s   (target >= 200)`);
  console.log(`peak RSS        ${peakRssMb.toFixed(0)} MB   (target < 400)`);
  await db.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
