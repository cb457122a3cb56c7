// A bulk import's related lists, computed on the second core: while the main thread parses, tags and writes
// the next batch, a worker thread (related-worker.ts) computes the lists of the batches already committed and
// sends them back; the main thread stores them, each job's in one transaction of its own with the job's
// PendingIndex rows taken out, between its batches. So the import has one writer: the two threads never wait
// for each other's write lock (with two writers, the main thread spent a fifth of the import waiting for it).
// Jobs run in commit order and their lists are stored in that order; at most MAX_IN_FLIGHT are being
// computed (a new one waits for the oldest), so the main thread stays at most that many batches ahead and
// memory stays bounded. A failed job, or a crash, leaves the papers not stored yet in PendingIndex for the
// next indexing step, as an in-process failure would (paper-indexing.ts).
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { Db } from "@/server/store/sqlite/prisma-client";
import { clientCache, fileOf, openBatchConnection, type Sqlite } from "@/server/store/sqlite/direct-connection";
import { importTimings } from "@/server/store/step-timings";
import type { ComputedLists } from "./related-refresher";
import { writeComputedLists } from "./related-rows";
import type { RelatedJob, RelatedReply, RelatedWorkerData } from "./related-worker";

/** One job computing, one waiting: the worker never idles between batches, the main thread runs two ahead at most. */
const MAX_IN_FLIGHT = 2;
/**
 * The writer's cache: it lives as long as the import, and with one writer nothing else invalidates it, so the
 * pages of the indexes every batch inserts into (titleKey, slug, ...: random places) stay in memory. Outside
 * the JavaScript heap; 128 MB keeps a 1M import's peak RSS well under 2 GB.
 */
const WRITER_CACHE_KIB = 131_072;
/** SQLite's default: the writer checkpoints by itself again once the worker has failed. */
const DEFAULT_AUTOCHECKPOINT_PAGES = 1000;

const pipelines = clientCache<RelatedPipeline>("related-pipeline");

interface Outstanding {
  paperIds: readonly number[];
  /** Settles when the worker replies; never rejects (a failure is kept in `failure`). */
  done: Promise<void>;
  settle: () => void;
}

export class RelatedPipeline {
  /** The first failure of a job, of storing its lists or of the worker itself; after it, no job is sent. */
  failure: Error | null = null;
  /** The import's one writer connection: its batches (withPaperWriter) and their related lists. */
  readonly writer: Sqlite;
  private readonly worker: Worker;
  private readonly outstanding = new Map<number, Outstanding>();
  /** Lists computed and not stored yet, in job order. */
  private readonly computed: { paperIds: readonly number[]; lists: ComputedLists }[] = [];
  private readonly held = new Set<number>();
  private nextJob = 1;

  constructor(db: Db) {
    this.writer = openBatchConnection(fileOf(db), WRITER_CACHE_KIB);
    // The worker copies the log into the database between its jobs: the writer's commits only append to it.
    this.writer.pragma("wal_autocheckpoint = 0");
    const entry = besideThis("related-worker.ts");
    const data: RelatedWorkerData = {
      entry: pathToFileURL(entry).href,
      entryPath: entry,
      file: fileOf(db),
      timings: importTimings.enabled,
    };
    this.worker = new Worker(BOOT, { eval: true, workerData: data });
    this.worker.on("message", ({ job, computed, error, timings }: RelatedReply) => {
      importTimings.merge(timings, "worker: ");
      if (error !== undefined) this.fail(new Error(`related lists: ${error}`));
      this.finish(job, computed);
    });
    this.worker.on("error", (error) => this.failAll(error));
    this.worker.on("exit", (code) => this.failAll(new Error(`the related-lists worker stopped (exit code ${code})`)));
  }

  /** Whether the paper is in a job whose lists are not stored yet (its PendingIndex row is this pipeline's to take out). */
  holds(paperId: number): boolean {
    return this.held.has(paperId);
  }

  /**
   * Hands just-committed papers to the worker, first waiting while MAX_IN_FLIGHT jobs are outstanding.
   * False when the pipeline has failed: the caller indexes them itself.
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

  /**
   * Stores the lists computed so far, in job order, each job's in one transaction with its PendingIndex rows.
   * A failure to store is the pipeline's failure (not thrown): what is not stored stays pending.
   */
  async storeComputed(): Promise<void> {
    while (this.computed.length > 0 && !this.failure) {
      const { paperIds, lists } = this.computed[0]!;
      try {
        await importTimings.timeAsync("index: storing the worker's related lists", () =>
          writeComputedLists(this.writer, lists.lists, lists.indexed, paperIds),
        );
      } catch (error) {
        this.fail(error instanceof Error ? error : new Error(String(error)));
      }
      this.computed.shift();
      this.release(paperIds);
    }
    if (this.failure) this.computed.splice(0).forEach(({ paperIds }) => this.release(paperIds));
  }

  /** Waits until every job sent has been computed (or has failed). */
  async drain(): Promise<void> {
    while (this.outstanding.size > 0) await this.oldest();
  }

  async stop(): Promise<void> {
    this.worker.removeAllListeners("exit");
    await this.worker.terminate();
    this.failAll(new Error("the related-lists worker was stopped"));
    this.writer.close();
  }

  private oldest(): Promise<void> {
    return this.outstanding.values().next().value!.done;
  }

  private finish(job: number, lists?: ComputedLists): void {
    const outstanding = this.outstanding.get(job);
    if (!outstanding) return;
    this.outstanding.delete(job);
    if (lists && !this.failure) this.computed.push({ paperIds: outstanding.paperIds, lists });
    else this.release(outstanding.paperIds);
    outstanding.settle();
  }

  private release(paperIds: readonly number[]): void {
    for (const id of paperIds) this.held.delete(id);
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    if (this.writer.open) this.writer.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`);
  }

  private failAll(error: Error): void {
    this.fail(error);
    for (const job of [...this.outstanding.keys()]) this.finish(job);
    this.computed.splice(0).forEach(({ paperIds }) => this.release(paperIds));
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
  const pipeline = new RelatedPipeline(db);
  pipelines.set(db, pipeline);
  try {
    const result = await work();
    await pipeline.drain();
    await pipeline.storeComputed();
    return { result, failure: pipeline.failure };
  } finally {
    // Also after a failed import: the jobs sent finish before the worker stops; what they computed and was
    // not stored stays pending, for the next indexing step.
    await pipeline.drain();
    pipelines.delete(db);
    await pipeline.stop();
  }
}
