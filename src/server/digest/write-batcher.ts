// Group commit for the digest's per-mail writes: while one statement is in flight, the callers that arrive
// meanwhile wait and go together in the next one. With N sends in flight a mail costs about 2/N statements
// (mark sending, record sent) instead of 2. By default a lone caller waits for nothing but its own statement;
// with `minBatch`, items wait up to `maxWaitMs` for company (for writes nobody waits on: the sent records).
export interface WriteBatcher<T, R> {
  (item: T): Promise<R>;
  /** Writes what is queued now and resolves once every item handed over so far is written (or failed). */
  flush(): Promise<void>;
}

export function writeBatcher<T, R>(
  write: (items: T[]) => Promise<R>,
  { minBatch = 1, maxWaitMs = 0 }: { minBatch?: number; maxWaitMs?: number } = {},
): WriteBatcher<T, R> {
  let queued: { item: T; resolve: (result: R) => void; reject: (error: unknown) => void }[] = [];
  let writing: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  const writeAll = async () => {
    while (queued.length > 0) {
      const batch = queued;
      queued = [];
      try {
        const result = await write(batch.map((entry) => entry.item));
        for (const entry of batch) entry.resolve(result);
      } catch (error) {
        for (const entry of batch) entry.reject(error);
      }
      if (queued.length < minBatch) break;
    }
  };
  const start = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (writing || queued.length === 0) return;
    writing = writeAll().finally(() => {
      writing = null;
      schedule();
    });
  };
  const schedule = () => {
    if (writing || queued.length === 0) return;
    if (queued.length >= minBatch) start();
    else timer ??= setTimeout(start, maxWaitMs);
  };
  const add = (item: T) =>
    new Promise<R>((resolve, reject) => {
      queued.push({ item, resolve, reject });
      schedule();
    });
  const flush = async () => {
    while (writing || queued.length > 0) {
      start();
      await writing;
    }
  };
  return Object.assign(add, { flush });
}
