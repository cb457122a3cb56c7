// Digest runs and deliveries: one run per edition date, one delivery per reader, claimed before sending.
import type { Paper } from "@/domain/paper";

export interface RunRef {
  id: number;
  date: string;
}

export interface DigestRecipient {
  id: number;
  email: string;
  /** JSON array as stored. */
  topics: string;
  query: string;
  /** JSON array as stored. */
  authors: string;
  cadence: string;
  lastDigestAt: Date | null;
  manageTokenHash: string;
}

export interface DueDelivery {
  id: number;
  attempts: number;
  subscriber: DigestRecipient;
}

export interface DeliveryState {
  subscriberId: number;
  status: string;
  nextAttemptAt: Date | null;
  claimedAt: Date | null;
}

/** What claimPage asks for: the run's deliveries due by `dueBy`, up to `limit`, claimed for `token` at `at`. */
export interface PageClaim {
  runId: number;
  dueBy: Date;
  at: Date;
  limit: number;
  token: string;
}

/** A claimed page, by id; `skipped` counts the page's deliveries whose reader had left (now "skipped"). */
export interface ClaimedPage {
  deliveries: DueDelivery[];
  skipped: number;
}

/** What a successful send records, in one transaction. */
export interface SentRecord {
  deliveryId: number;
  subscriberId: number;
  messageId: string;
  paperIds: number[];
  sentAt: Date;
  /** The reader's next window starts here. */
  windowEnd: Date;
}

export interface ArchivedEdition {
  date: string;
  readers: number;
  /** The papers the edition sent, most widely sent first. */
  papers: { paper: Paper; sentTo: number }[];
}

export interface DigestStore {
  /** The run of `date`, created if needed; two callers racing on the date both get the same run. */
  ensureRun(date: string, now: Date): Promise<RunRef>;
  findRun(date: string): Promise<RunRef | null>;
  /**
   * Adds a pending delivery for every active, unsuppressed subscriber without one in this run whose
   * cadence is due: every daily reader, and the weekly readers whose weekday is `weekday`.
   */
  enqueueDeliveries(runId: number, weekday: string): Promise<number>;
  /** Deliveries "sending" since before `claimedBefore` become "unknown" (never resent); returns how many. */
  expireSendingClaims(claimedBefore: Date): Promise<number>;
  /** Deliveries "claimed" since before `claimedBefore` (never sent: their claimer died) become pending again. */
  releaseStaleClaims(claimedBefore: Date): Promise<number>;
  /** This token's deliveries still "claimed" (not begun) become pending again: a run that stops early. */
  releaseClaims(token: string): Promise<number>;
  /** Earlier editions' pending retries are dropped: `date`'s edition covers their papers. */
  supersedeEarlierRuns(date: string): Promise<number>;
  /** Marks the run finished when nothing is pending or sending any more. */
  finishRun(runId: number, now: Date): Promise<void>;
  countByStatus(runId: number): Promise<Record<string, number>>;
  countDue(runId: number, now: Date): Promise<number>;
  deliveriesOf(runId: number): Promise<DeliveryState[]>;
  /** Active, unsuppressed readers due on `weekday` (as enqueueDeliveries) after `afterId`, by id (the dry run's list). */
  activeReaders(afterId: number, limit: number, weekday: string): Promise<DigestRecipient[]>;
  /** Papers sent to these readers since `since`, by reader. */
  sentPapersSince(subscriberIds: readonly number[], since: Date): Promise<Map<number, Set<number>>>;
  /**
   * pending → claimed for a page of due deliveries (by id), with what composing needs; one statement, and
   * never a delivery another caller holds. A delivery whose reader left since queueing becomes "skipped".
   */
  claimPage(claim: PageClaim): Promise<ClaimedPage>;
  /**
   * claimed (by `token`) → sending, the attempt counted, just before each mail goes out; returns the ids that
   * changed (a claim released after its lease and taken by another caller does not).
   */
  markSending(deliveryIds: readonly number[], token: string, at: Date): Promise<number[]>;
  recordNothingToSend(deliveryId: number): Promise<void>;
  /** Records sends, each with its SentPaper rows and the reader's window, in one transaction. */
  recordSent(records: readonly SentRecord[]): Promise<void>;
  recordRetry(deliveryId: number, message: string, nextAttemptAt: Date): Promise<void>;
  recordFailed(deliveryId: number, message: string): Promise<void>;
  /** sending → unknown: the message went out but no reply came; it is never sent again. */
  recordUnknown(deliveryId: number, message: string): Promise<void>;
  /** sending → pending, the attempt not counted: a fault of the run, not of this delivery. */
  releaseClaim(deliveryId: number, message: string): Promise<void>;
  /** A hard bounce: the delivery failed and the address is suppressed. */
  recordBounce(delivery: { id: number; subscriberId: number }, message: string, at: Date): Promise<void>;
  archivedEdition(date: string, limit: number): Promise<ArchivedEdition | null>;
  /** The latest editions that sent something, newest first. */
  recentEditions(limit: number): Promise<{ date: string; sent: number }[]>;
}
