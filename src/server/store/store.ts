// The data layer's contract: everything the app persists goes through these interfaces, which speak in
// domain types only. One implementation per engine (sqlite/ today); openStore picks it by the URL.
// Jobs take the narrow Pick<Store, ...> they use, so their tests and their callers see what they touch.
import type { AuthorStore } from "./authors";
import type { DigestStore } from "./digest";
import type { FetchLogStore } from "./fetch-log";
import type { LeaseStore } from "./leases";
import type { ListingStore } from "./listing";
import type { PaperStore } from "./papers";
import type { RateLimitStore } from "./rate-limits";
import type { RelatedStore } from "./related";
import type { SearchStore } from "./search";
import type { StatementObserver } from "./statement-observer";
import type { SubscriberStore } from "./subscribers";
import type { TopicStore } from "./topics";
import type { TrendingStore } from "./trending";

export interface Store {
  readonly papers: PaperStore;
  readonly listing: ListingStore;
  readonly authors: AuthorStore;
  readonly topics: TopicStore;
  readonly trending: TrendingStore;
  readonly search: SearchStore;
  readonly related: RelatedStore;
  readonly subscribers: SubscriberStore;
  readonly digest: DigestStore;
  readonly fetchLog: FetchLogStore;
  readonly leases: LeaseStore;
  readonly rateLimits: RateLimitStore;
  /** Closes every connection; the store is unusable afterwards. */
  close(): Promise<void>;
}

/** Settings the store needs from the caller (it never reads the environment itself). */
export interface StoreSettings {
  /** TRENDING_HALF_LIFE_HOURS: trend keys are computed for it. */
  halfLifeHours: number;
  /** Sees each SQL statement sent through Prisma, before it runs (tests count a page's queries with it). */
  onStatement?: StatementObserver;
}

/** A write waited for its turn longer than the store's busy limit; nothing was written. */
export class StoreBusyError extends Error {
  constructor(
    readonly waitedMs: number,
    cause: unknown,
  ) {
    super(
      `the database stayed busy for ${(waitedMs / 1000).toFixed(1)} s (another connection or process kept the write lock); nothing was written, try again`,
      { cause },
    );
    this.name = "StoreBusyError";
  }
}

/** The engine's answer when the database was migrated by a newer version of the app. */
export class DatabaseTooNewError extends Error {
  constructor(
    readonly databaseVersion: string,
    readonly codeVersion: string,
  ) {
    super(
      `the database is at schema version ${databaseVersion}, newer than this code's ${codeVersion}: update the app (or use a database it created)`,
    );
    this.name = "DatabaseTooNewError";
  }
}
