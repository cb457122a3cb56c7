// Subscribers: sign-up, confirmation, the manage page and the operator's CLI.

export type SubscriberStatus = "pending" | "active" | "paused" | "unsubscribed";

export interface SubscriberRecord {
  id: number;
  email: string;
  /** pending | active | paused | unsubscribed */
  status: string;
  /** JSON array of topic slugs (or free-text topics), as stored. */
  topics: string;
  /** The saved free-text query; "" for none. */
  query: string;
  /** JSON array of author names as written. */
  authors: string;
  /** daily | weekly */
  cadence: string;
  /** mon..sun: a weekly reader's day. */
  weekday: string;
  createdAt: Date;
  confirmedAt: Date | null;
  unsubscribedAt: Date | null;
  pausedAt: Date | null;
  consentAt: Date | null;
  consentIpHash: string | null;
  consentUserAgent: string | null;
  manageTokenHash: string;
  confirmTokenHash: string | null;
  confirmExpiresAt: Date | null;
  confirmPending: boolean;
  confirmSentAt: Date | null;
  confirmAttempts: number;
  confirmLastError: string | null;
  suppressedAt: Date | null;
  suppressReason: string | null;
  lastDigestAt: Date | null;
}

/** The saved query and cadence default to "everything, daily". */
export type NewSubscriber = Partial<Pick<SubscriberRecord, "query" | "authors" | "cadence" | "weekday">> &
  Pick<
    SubscriberRecord,
    | "email"
    | "status"
    | "topics"
    | "createdAt"
    | "manageTokenHash"
    | "confirmPending"
    | "consentAt"
    | "consentIpHash"
    | "consentUserAgent"
  >;

export type ConfirmationOutcome = { sentAt: Date } | { pending: boolean; error: string; refundAttempt?: boolean };

export type SubscriberChanges = Partial<Omit<SubscriberRecord, "id" | "email" | "createdAt">>;

export interface SubscriberStore {
  byId(id: number): Promise<SubscriberRecord | null>;
  /** Case-insensitive on the whole address. */
  byEmail(email: string): Promise<SubscriberRecord | null>;
  byConfirmTokenHash(hash: string): Promise<SubscriberRecord | null>;
  /** Creates the subscriber; when the address exists already (a concurrent request), returns that row. */
  create(subscriber: NewSubscriber): Promise<SubscriberRecord>;
  update(id: number, changes: SubscriberChanges): Promise<SubscriberRecord>;
  /**
   * Uses up this confirmation token (cleared whatever happens) and turns a pending subscriber active;
   * true only for the call that activated it.
   */
  activate(id: number, confirmTokenHash: string, now: Date): Promise<boolean>;
  /**
   * Claims the sending of a confirmation mail: only one process at a time (a subscribe request, the retry
   * job of either server) may send one, so a new token never invalidates a mail already on its way.
   * The claim expires after `claimMs` (a sender that died). Stores the new token; false when claimed elsewhere.
   */
  claimConfirmation(
    id: number,
    token: { hash: string; expiresAt: Date },
    now: Date,
    claimMs: number,
  ): Promise<SubscriberRecord | null>;
  /**
   * Ends a claim: sent (no longer pending) or failed (pending again when the failure was temporary;
   * `refundAttempt` when it was the mail system's, so an outage counts against nobody's attempts).
   */
  finishConfirmation(id: number, outcome: ConfirmationOutcome): Promise<void>;
  /** Subscribers whose confirmation mail still has to go out, oldest first. */
  pendingConfirmations(maxAttempts: number, limit: number): Promise<number[]>;
  /** Deletes never-confirmed rows last requested before `cutoff`; returns how many. */
  purgeUnconfirmed(cutoff: Date): Promise<number>;
  list(): Promise<SubscriberRecord[]>;
  delete(id: number): Promise<void>;
}
