// The related-lists worker thread of a bulk import (related-pipeline.ts starts it): jobs of just-committed
// paper ids arrive in commit order; each gets its lists written (and its PendingIndex rows taken out) in
// one transaction on this thread's own connection, then a reply. A failed job replies with the error.
import { parentPort, workerData } from "node:worker_threads";
import { BUSY_LIMIT_MS } from "@/server/store/sqlite/busy-policy";
import { openConnection } from "@/server/store/sqlite/direct-connection";
import { RelatedRefresher } from "./related-refresher";

export interface RelatedJob {
  job: number;
  paperIds: number[];
}

export interface RelatedReply {
  job: number;
  /** The job's failure; absent when its lists are stored. */
  error?: string;
}

export interface RelatedWorkerData {
  entry: string;
  file: string;
}

const { file } = workerData as RelatedWorkerData;
// This thread's waits hold up nobody else, so it may wait for the write lock in place.
const sqlite = openConnection(file, BUSY_LIMIT_MS);
const refresher = new RelatedRefresher(sqlite);
const port = parentPort!;

port.on("message", ({ job, paperIds }: RelatedJob) => {
  let reply: RelatedReply;
  try {
    refresher.refresh(paperIds);
    reply = { job };
  } catch (error) {
    reply = { job, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
port.on("close", () => sqlite.close());
