// A bulk import's related lists, computed on the second core: while the main thread parses, tags and writes
// the next batch, a worker thread (related-worker.ts) computes and stores the lists of the batches already
// committed. Jobs run in commit order; at most MAX_IN_FLIGHT are outstanding (a new one waits for the oldest),
// so the main thread stays at most that many batches ahead and memory stays bounded. A batch's papers stay in
// PendingIndex until the worker stores their lists: a failed job, or a crash, leaves them for the next
// indexing step, as an in-process failure would (paper-indexing.ts).
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { Db } from "@/server/store/sqlite/prisma-client";
import { clientCache, fileOf } from "@/server/store/sqlite/direct-connection";
import { importTimings } from "@/server/store/step-timings";
import type { RelatedJob, RelatedReply, RelatedWorkerData } from "./related-worker";

/** One job computing, one waiting: the worker never idles between batches, the main thread runs two ahead at most. */
const MAX_IN_FLIGHT = 2;

const pipelines = clientCache<RelatedPipeline>("related-pipeline");

interface Outstanding {
  paperIds: readonly number[];
  /** Settles when the worker replies; never rejects (a failure is kept in `failure`). */
  done: Promise<void>;
  settle: () => void;
}

export class RelatedPipeline {
  /** The first failure of a job or of the worker itself; after it, no job is sent. */
  failure: Error | null = null;
  private readonly worker: Worker;
  private readonly outstanding = new Map<number, Outstanding>();
  private readonly held = new Set<number>();
  private nextJob = 1;

  constructor(file: string) {
    const entry = besideThis("related-worker.ts");
    const data: RelatedWorkerData = {
      entry: pathToFileURL(entry).href,
      entryPath: entry,
      file,
      timings: importTimings.enabled,
    };
    this.worker = new Worker(BOOT, { eval: true, workerData: data });
    this.worker.on("message", ({ job, error, timings }: RelatedReply) => {
      importTimings.merge(timings, "worker: ");
      if (error !== undefined) this.fail(new Error(`related lists: ${error}`));
      this.finish(job);
    });
    this.worker.on("error", (error) => this.failAll(error));
    this.worker.on("exit", (code) => this.failAll(new Error(`the related-lists worker stopped (exit code ${code})`)));
  }

  /** Whether the papers are in a job not finished yet (their PendingIndex rows are the worker's to take out). */
  holds(paperId: number): boolean {
    return this.held.has(paperId);
  }

  /**
   * Hands just-committed papers to the worker, first waiting while MAX_IN_FLIGHT jobs are outstanding.
   * False when the worker has failed: the caller indexes them itself.
   */
  async submit(paperIds: readonly number[]): Promise<boolean> {
    while (this.outstanding.size >= MAX_IN_FLIGHT && !this.failure) await this.oldest();
    if (this.failure) return false;
    const job = this.nextJob++;
    let settle = () => {};
    const done = new Promise<void>((resolve) => (settle = resolve));
    this.outstanding.set(job, { paperIds, done, settle });
    for (const id of paperIds) this.held.add(id);
    const message: RelatedJob = { job, paperIds: [...paperIds] };
    this.worker.postMessage(message);
    return true;
  }

  /** Waits until every job sent has finished (stored, or failed). */
  async drain(): Promise<void> {
    while (this.outstanding.size > 0) await this.oldest();
  }

  async stop(): Promise<void> {
    this.worker.removeAllListeners("exit");
    await this.worker.terminate();
    this.failAll(new Error("the related-lists worker was stopped"));
  }

  private oldest(): Promise<void> {
    return this.outstanding.values().next().value!.done;
  }

  private finish(job: number): void {
    const outstanding = this.outstanding.get(job);
    if (!outstanding) return;
    this.outstanding.delete(job);
    for (const id of outstanding.paperIds) this.held.delete(id);
    outstanding.settle();
  }

  private fail(error: Error): void {
    this.failure ??= error;
  }

  private failAll(error: Error): void {
    this.fail(error);
    for (const job of [...this.outstanding.keys()]) this.finish(job);
  }
}

/**
 * The worker starts from this script, not a file: Next.js's bundler follows any worker file it can find
 * (and from it tsx and esbuild), though only the command line, run by tsx, ever starts the worker. A worker
 * thread starts without its process's TypeScript loader, so the script registers tsx's first.
 */
const BOOT = `const { workerData } = require("node:worker_threads");
const { pathToFileURL } = require("node:url");
const api = require("node:module").createRequire(workerData.entryPath).resolve("tsx/esm/api");
import(pathToFileURL(api.replace(/\\.cjs$/, ".mjs")).href).then(({ register }) => {
  register();
  return import(workerData.entry);
});`;

/** A file in this folder. */
function besideThis(name: string): string {
  return path.join(path.dirname(fileURLToPath(import.meta.url)), name);
}

/** The pipeline of `db` while a bulk import runs, else undefined. */
export function relatedPipelineOf(db: Db): RelatedPipeline | undefined {
  return pipelines.get(db);
}

/** Runs `work` with related lists computed by a worker thread; every job has finished when it resolves. */
export async function withRelatedPipeline<T>(
  db: Db,
  work: () => Promise<T>,
): Promise<{ result: T; failure: Error | null }> {
  const pipeline = new RelatedPipeline(fileOf(db));
  pipelines.set(db, pipeline);
  try {
    const result = await work();
    await pipeline.drain();
    return { result, failure: pipeline.failure };
  } finally {
    // Also after a failed import: the jobs sent finish (each all or nothing) before the worker stops.
    await pipeline.drain();
    pipelines.delete(db);
    await pipeline.stop();
  }
}
