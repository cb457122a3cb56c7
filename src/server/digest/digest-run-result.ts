// What a digest run works on and answers, shared by the run, its dry run and its preview.
import type { Store } from "@/server/store/store";

/** What a digest run touches: its runs and deliveries, the listing, topics and search (candidates), subscribers (previews). */
export type DigestJobStore = Pick<Store, "digest" | "listing" | "topics" | "search" | "subscribers">;

/** A send takes seconds; a delivery still "sending" after this belongs to a process that died mid-send. */
export const SENDING_CLAIM_MS = 15 * 60_000;
/**
 * A claimed page is sent within seconds (100 mails at the default 50/s and 5 senders); a delivery still "claimed" after this
 * belongs to a run that died before sending it, and is pending again. Only the claiming run may send a claimed
 * delivery, so a run slower than this loses the rest of its page to the next run, never sends it twice.
 */
export const CLAIM_LEASE_MS = 2 * 60_000;
/**
 * Deliveries claimed per page, per concurrent send: 100 a page at the default 5. Enough to make the claim's
 * round trip negligible per mail, few enough that instances sharing a run share it evenly.
 */
export const CLAIMS_PER_SENDER = 20;
/** Readers read per page by the dry run. */
export const PAGE_SIZE = 250;

/**
 * How a call ended: "finished" went through every due delivery; "halted" met a fault of the run (`fault` says
 * which: sender refused, connection lost, ...) and left the rest pending for the next call; "stopped" was asked
 * to stop (the process is shutting down) and left the rest pending.
 */
export type DigestRunStatus = "finished" | "halted" | "stopped";

/** sent/skipped/failed: what this call did. pending/unknown: what the edition still holds after it. */
export interface DigestRunResult {
  date: string;
  status: DigestRunStatus;
  /** Why a halted call stopped. */
  fault?: string;
  sent: number;
  skipped: number;
  failed: number;
  pending: number;
  unknown: number;
  planned?: PlannedDigest[];
}

export interface PlannedDigest {
  email: string;
  /** Null when there is nothing new for this reader (it would be recorded as skipped). */
  subject: string | null;
  paperIds: number[];
}

/** The result as the CLI prints it and the cron route answers it (the dry run's plan left out). */
export function runSummary(result: DigestRunResult): Omit<DigestRunResult, "planned"> {
  const { planned: _planned, ...summary } = result;
  return summary;
}
