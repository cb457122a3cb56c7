// Job leases: one row per job name, held by one process until it expires, so two servers on one
// database run each scheduled job in one of them only.

export interface LeaseStore {
  /**
   * Takes the lease when it is free, expired or already held by `holder`, and extends it to now + ttlMs.
   * One atomic statement: of two processes asking at once, exactly one gets it. True when `holder` holds it.
   */
  acquire(name: string, holder: string, now: Date, ttlMs: number): Promise<boolean>;
  /** Gives the lease up (a clean shutdown), so another process need not wait for the expiry. */
  release(name: string, holder: string): Promise<void>;
  holder(name: string, now: Date): Promise<{ holder: string; expiresAt: Date } | null>;
}
