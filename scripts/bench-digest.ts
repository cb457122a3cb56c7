// npm run bench:digest: one edition for 10,000 active subscribers with random topics, on a fresh temporary
// database with the 210 sample papers, sent over pooled SMTP to an in-process sink. Prints emails/s,
// total time, CPU per mail and peak resident memory (the sink runs in the same process, so the figures are
// conservative), then checks that what the sink received matches what the database recorded.
// With --instances N (N > 1) the edition is sent by N processes at once sharing one run, as N app instances
// behind a load balancer would: each claims deliveries from the database, the sink stays in this process, and
// the time is taken from the moment all of them are ready to the moment the last one has finished.
// CPU per mail is split into the instances' (from "go" to their end, start-up left out), the sink's and, on a
// throwaway PostgreSQL server, the server's; the last line says whether the issue's target holds: >= 200/s
// for one instance, >= 400/s for instances sharing a run on PostgreSQL.
// Usage: npm run bench:digest [-- --engine sqlite|postgres] [--instances N] (see scripts/bench-database.ts)
// BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR" profiles the instances.
import { fork } from "node:child_process";
import type { AddressInfo } from "node:net";
import os from "node:os";
import { SMTPServer } from "smtp-server";
import type { Db } from "../src/server/store/sqlite/prisma-client";
import { openStore } from "../src/server/store/open-store";
import { modelApi } from "../src/server/store/postgres/model-api";
import type { PostgresStore } from "../src/server/store/postgres/postgres-store";
import type { SqliteStore } from "../src/server/store/sqlite/sqlite-store";
import type { Store } from "../src/server/store/store";
import type { DigestRunResult } from "../src/server/digest/digest-run-result";
import { runDigest } from "../src/server/digest/run-digest";
import { digestSettingsFromEnv } from "../src/server/digest/digest-settings";
import { createMailer } from "../src/server/platform/mailer";
import { loadSampleIfEmpty } from "../src/server/papers/sample-data";
import { newManageNonce } from "../src/server/subscriptions/links";
import { benchDatabase } from "./bench-database";

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 10_000);
const RATE = Number(process.env.BENCH_RATE ?? 10_000);
const NOW = new Date("2026-11-26T07:00:00.000Z");
const instancesAt = process.argv.indexOf("--instances");
const INSTANCES = instancesAt > 0 ? Number(process.argv[instancesAt + 1]) : 1;

/** issue targets: one instance on either engine; two instances sharing a run on PostgreSQL. */
const TARGET = {
  single: { rate: 200, what: "one instance" },
  shared: { rate: 400, what: "instances sharing one run on PostgreSQL" },
};

let seed = 7;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;

/** The Prisma models of either engine's store (the same models on both). */
function modelsOf(store: Store): Db {
  return "file" in store ? (store as SqliteStore).db : modelApi((store as PostgresStore).db);
}

function digestSettings() {
  const settings = { ...digestSettingsFromEnv(), appUrl: "https://papers.example.org", timeZone: "UTC" };
  if (process.env.BENCH_CONCURRENCY) settings.concurrency = Number(process.env.BENCH_CONCURRENCY);
  return settings;
}

function benchMailer(port: number, outboxDir: string) {
  return createMailer({
    smtpUrl: `smtp://127.0.0.1:${port}`,
    outboxDir,
    from: "digest@papers.example.org",
    appUrl: "https://papers.example.org",
    pool: true,
    ratePerSecond: RATE,
    log: () => {},
  });
}

/** One instance of --instances N: opens the store, says ready, runs the digest on "go", reports its result. */
async function child(): Promise<void> {
  const store = await openStore(process.env.BENCH_URL!, { halfLifeHours: 24 });
  const mailer = benchMailer(Number(process.env.BENCH_SMTP_PORT), process.env.BENCH_DIR!);
  process.send!({ ready: true });
  await new Promise<void>((resolve) => process.once("message", () => resolve()));
  // From "go": starting up (tsx, Prisma, opening the store) is not the run's cost.
  const cpuAtGo = process.cpuUsage();
  const result = await runDigest({ store, mailer, now: NOW, settings: digestSettings(), log: () => {} });
  await mailer.close();
  const cpu = process.cpuUsage(cpuAtGo);
  await store.close();
  process.send!({ result, cpu }, () => process.exit(0));
}

/** BENCH_NODE_ARGS: extra node flags for the instances, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile them. */
function childNodeArgs(): string[] {
  return (process.env.BENCH_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);
}

/** Runs the digest in `instances` child processes at once; their summed result and CPU seconds. */
async function runInstances(
  url: string,
  port: number,
  dir: string,
  instances: number,
): Promise<{ result: Pick<DigestRunResult, "sent" | "skipped" | "failed">; seconds: number; cpuSeconds: number }> {
  const env = { ...process.env, BENCH_URL: url, BENCH_SMTP_PORT: String(port), BENCH_DIR: dir };
  const children = Array.from({ length: instances }, () =>
    fork(import.meta.filename, ["--child"], { execArgv: ["--import", "tsx", ...childNodeArgs()], env }),
  );
  await Promise.all(children.map((c) => new Promise((resolve) => c.once("message", resolve))));
  const started = performance.now();
  const reports = children.map(
    (c) =>
      new Promise<{ result: DigestRunResult; cpu: NodeJS.CpuUsage }>((resolve, reject) => {
        c.once("message", (message) => resolve(message as { result: DigestRunResult; cpu: NodeJS.CpuUsage }));
        c.once("exit", (code) => code !== 0 && reject(new Error(`a digest instance exited with ${code}`)));
      }),
  );
  for (const c of children) c.send({ go: true });
  const done = await Promise.all(reports);
  const seconds = (performance.now() - started) / 1000;
  const sum = (pick: (r: DigestRunResult) => number) => done.reduce((n, d) => n + pick(d.result), 0);
  console.log(`  per instance: ${done.map((d) => `sent ${d.result.sent}`).join(", ")}`);
  return {
    result: { sent: sum((r) => r.sent), skipped: sum((r) => r.skipped), failed: sum((r) => r.failed) },
    seconds,
    cpuSeconds: done.reduce((n, d) => n + (d.cpu.user + d.cpu.system) / 1e6, 0),
  };
}

async function main(): Promise<void> {
  process.env.SECRET_KEY ??= "bench-digest-secret-key-0123456789abcdef";
  const bench = await benchDatabase("digest");
  const { dir } = bench;
  const store = await openStore(bench.url, { halfLifeHours: 24 });
  const db = modelsOf(store);
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
  const settings = digestSettings();
  const mailer = benchMailer(port, dir);

  console.log(
    `bench:digest on ${bench.engine}, ${INSTANCES} instance${INSTANCES === 1 ? "" : "s (processes)"}: ${SUBSCRIBERS} subscribers, ${await db.paper.count()} papers, ${topics.length} topics, concurrency ${settings.concurrency} per instance, rate limit ${RATE}/s`,
  );
  // The machine is shared: the load average says how much of it this run had.
  const loadBefore = os.loadavg()[0]!;
  const cpuBefore = process.cpuUsage();
  const serverCpuBefore = bench.serverCpuSeconds();
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
  const shared =
    INSTANCES > 1
      ? await runInstances(bench.url, port, dir, INSTANCES)
      : {
          result: await runDigest({ store, mailer, now: NOW, settings, log: (line) => console.log(`  ${line}`) }),
          seconds: 0,
          cpuSeconds: 0,
        };
  const result = shared.result;
  const seconds = INSTANCES > 1 ? shared.seconds : (performance.now() - started) / 1000;
  const ownCpu = process.cpuUsage(cpuBefore);
  const serverCpu = serverCpuBefore === null ? null : bench.serverCpuSeconds()! - serverCpuBefore;
  const instancesCpu = INSTANCES > 1 ? shared.cpuSeconds : null;
  const cpu = { user: ownCpu.user + shared.cpuSeconds * 1e6, system: ownCpu.system };
  const loadAfter = os.loadavg()[0]!;
  clearInterval(sampler);
  await mailer.close();
  await new Promise<void>((resolve) => sink.close(() => resolve()));
  const peakRssMb = process.resourceUsage().maxRSS / 1024;

  const problems = await checkRecorded(db, result.sent, received);
  console.log(`sent ${result.sent}, skipped ${result.skipped}, failed ${result.failed}; sink received ${received}`);
  console.log(`total time      ${seconds.toFixed(1)} s`);
  const rate = result.sent / seconds;
  const target = TARGET[bench.engine === "postgres" && INSTANCES > 1 ? "shared" : "single"];
  console.log(`throughput      ${rate.toFixed(0)} emails/s`);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const perMail = (s: number) => `${((1000 * s) / Math.max(1, result.sent)).toFixed(2)} ms`;
  console.log(
    `CPU             ${perMail(cpuSeconds)} per mail, senders and sink (${cpuSeconds.toFixed(1)} s, ${((100 * cpuSeconds) / seconds).toFixed(0)}% of one core)`,
  );
  if (instancesCpu !== null)
    console.log(
      `                of which the ${INSTANCES} instances ${perMail(instancesCpu)}, the sink (this process) ${perMail(cpuSeconds - instancesCpu)}`,
    );
  if (serverCpu !== null) {
    // What the load average hides: the whole run's CPU, database server included, and the rate it allows.
    const all = (cpuSeconds + serverCpu) / Math.max(1, result.sent);
    console.log(
      `                + database server ${perMail(serverCpu)} (${serverCpu.toFixed(1)} s) = ${(1000 * all).toFixed(2)} ms per mail in all: at most ${Math.round(os.cpus().length / all)} emails/s on ${os.cpus().length} idle cores`,
    );
  }
  console.log(
    `target          >= ${target.rate} emails/s (${target.what}): ${rate >= target.rate ? "met" : "NOT met"} at load ${os.loadavg()[0]!.toFixed(1)}`,
  );
  console.log(
    `peak RSS        ${peakRssMb.toFixed(0)} MB   (target < 400; this process${INSTANCES > 1 ? ": the sink, not the instances" : ""}); before the run ${rssBeforeMb.toFixed(0)} MB; during it: RSS ${peak.rssMb.toFixed(0)} MB, JS heap ${peak.heapMb.toFixed(0)} MB, buffers ${peak.externalMb.toFixed(0)} MB`,
  );
  console.log(`load average    ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)} on ${os.cpus().length} cores`);
  await store.close();
  await bench.drop();
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

(process.argv.includes("--child") ? child() : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
