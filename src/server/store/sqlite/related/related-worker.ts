// The related-lists worker thread of a bulk import (related-pipeline.ts starts it): jobs of just-committed
// paper ids arrive in commit order; each gets its lists computed, reading through this thread's own
// connection (in WAL mode a reader never holds up the writer), and sent back in the reply for the import's
// one writer to store. A failed job replies with the error. Between jobs this thread also copies the
// write-ahead log back into the database, so the writer does not have to.
import { parentPort, workerData } from "node:worker_threads";
import { BUSY_LIMIT_MS } from "@/server/store/sqlite/busy-policy";
import { openConnection } from "@/server/store/sqlite/direct-connection";
import { importTimings, threadCpuMs, type StepTotal } from "@/server/store/step-timings";
import { buffersOf } from "./packed-lists";
import { RelatedRefresher, type ComputedLists } from "./related-refresher";

export interface RelatedJob {
  job: number;
  paperIds: number[];
}

export interface RelatedReply {
  job: number;
  /** The lists to store; absent when the job failed. */
  computed?: ComputedLists;
  /** The job's failure. */
  error?: string;
  /** This thread's step timings since the last reply, when asked for. */
  timings: [string, StepTotal][];
}

export interface RelatedWorkerData {
  /** This module, as a URL and as a path (the start script resolves tsx from it). */
  entry: string;
  entryPath: string;
  /** The database file. */
  file: string;
  /** Whether to time the steps (the import's --timings). */
  timings: boolean;
}

/**
 * The write-ahead log is checkpointed back to its start once it holds this many pages (128 MB of 4 KB pages).
 * The writer restarts the log by itself only when it begins a transaction with the whole log copied into the
 * database; the import's writer is nearly always inside a transaction, so the PASSIVE checkpoints seldom
 * leave it that moment: without this the log grew to over a gigabyte at 250k papers.
 */
const WAL_RESTART_PAGES = 32_768;

const { file, timings } = workerData as RelatedWorkerData;
importTimings.enabled = timings;
// This thread's waits hold up nobody else, so it may wait for a lock (its checkpoints') in place.
const sqlite = openConnection(file, BUSY_LIMIT_MS);
const refresher = new RelatedRefresher(sqlite);
const port = parentPort!;
let cpuReported = threadCpuMs();

/** The step timings since the last reply, with this thread's CPU time meanwhile. */
function timingsSoFar(): [string, StepTotal][] {
  const cpu = threadCpuMs();
  importTimings.add("thread: CPU time", cpu - cpuReported);
  cpuReported = cpu;
  return importTimings.take();
}

port.on("message", ({ job, paperIds }: RelatedJob) => {
  let computed: ComputedLists;
  try {
    computed = refresher.compute(paperIds);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    port.postMessage({ job, error: message, timings: timingsSoFar() } satisfies RelatedReply);
    return;
  }
  const reply: RelatedReply = { job, computed, timings: timingsSoFar() };
  port.postMessage(reply, buffersOf(computed.lists));
  // After the reply: the writer stores these lists meanwhile.
  try {
    restartLogWhenLong();
  } catch {
    // A checkpoint that could not run (busy) is tried again after the next job.
  }
});
port.on("close", () => sqlite.close());

/**
 * A PASSIVE checkpoint copies what it can of the log without stopping the writer. A RESTART checkpoint waits
 * (here, on this thread) for the import's current transaction to commit, copies the rest (little, after the
 * PASSIVE ones) while holding the writer out, and makes the next writer start the log over. Busy after the
 * wait: the next job tries again.
 */
function restartLogWhenLong(): void {
  const [passive] = importTimings.time("checkpoint: PASSIVE", () => sqlite.pragma("wal_checkpoint(PASSIVE)")) as {
    log: number;
  }[];
  if ((passive?.log ?? 0) >= WAL_RESTART_PAGES)
    importTimings.time("checkpoint: RESTART (holds the writer out)", () => sqlite.pragma("wal_checkpoint(RESTART)"));
}
