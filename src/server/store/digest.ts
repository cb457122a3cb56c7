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

export type ClaimOutcome = "claimed" | "taken" | "inactive";

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
  /** Earlier editions' pending retries are dropped: `date`'s edition covers their papers. */
  supersedeEarlierRuns(date: string): Promise<number>;
  /** Marks the run finished when nothing is pending or sending any more. */
  finishRun(runId: number, now: Date): Promise<void>;
  countByStatus(runId: number): Promise<Record<string, number>>;
  countDue(runId: number, now: Date): Promise<number>;
  /** Due deliveries after `afterId`, by id, with what composing needs. */
  duePage(runId: number, now: Date, afterId: number, limit: number): Promise<DueDelivery[]>;
  deliveriesOf(runId: number): Promise<DeliveryState[]>;
  /** Active, unsuppressed readers due on `weekday` (as enqueueDeliveries) after `afterId`, by id (the dry run's list). */
  activeReaders(afterId: number, limit: number, weekday: string): Promise<DigestRecipient[]>;
  /** Papers sent to these readers since `since`, by reader. */
  sentPapersSince(subscriberIds: readonly number[], since: Date): Promise<Map<number, Set<number>>>;
  /** pending → sending, only while the reader is active and the retry time has come; one winner. */
  claimDelivery(deliveryId: number, at: Date): Promise<ClaimOutcome>;
  recordNothingToSend(deliveryId: number): Promise<void>;
  recordSent(record: SentRecord): Promise<void>;
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
