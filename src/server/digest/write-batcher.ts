// Group commit for the digest's per-mail writes: while one statement is in flight, the callers that arrive
// meanwhile wait and go together in the next one. With N sends in flight a mail costs about 2/N statements
// (mark sending, record sent) instead of 2, and a lone caller waits for nothing but its own statement.
export function writeBatcher<T, R>(write: (items: T[]) => Promise<R>): (item: T) => Promise<R> {
  let queued: { item: T; resolve: (result: R) => void; reject: (error: unknown) => void }[] = [];
  let writing = false;
  const drain = async () => {
    writing = true;
    while (queued.length > 0) {
      const batch = queued;
      queued = [];
      try {
        const result = await write(batch.map((entry) => entry.item));
        for (const entry of batch) entry.resolve(result);
      } catch (error) {
        for (const entry of batch) entry.reject(error);
      }
    }
    writing = false;
  };
  return (item) =>
    new Promise<R>((resolve, reject) => {
      queued.push({ item, resolve, reject });
      if (!writing) void drain();
    });
}
