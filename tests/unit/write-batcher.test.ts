import { describe, expect, it } from "vitest";
import { writeBatcher } from "../../src/server/digest/write-batcher";

/** A write whose statements finish only when the test says so, recording each batch it was given. */
function controlledWrite() {
  const batches: number[][] = [];
  const finish: (() => void)[] = [];
  const fail: ((error: Error) => void)[] = [];
  const write = (items: number[]) =>
    new Promise<number[]>((resolve, reject) => {
      batches.push(items);
      finish.push(() => resolve(items));
      fail.push(reject);
    });
  return { write, batches, finish, fail };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("writeBatcher", () => {
  it("writes a lone item at once, and the items that arrive meanwhile together in the next write", async () => {
    const { write, batches, finish } = controlledWrite();
    const add = writeBatcher(write);
    const first = add(1);
    await settle();
    expect(batches).toEqual([[1]]);
    const rest = [add(2), add(3), add(4)];
    await settle();
    expect(batches).toEqual([[1]]); // nothing new until the write in flight is done
    finish[0]!();
    expect(await first).toEqual([1]);
    await settle();
    expect(batches).toEqual([[1], [2, 3, 4]]);
    finish[1]!();
    expect(await Promise.all(rest)).toEqual([
      [2, 3, 4],
      [2, 3, 4],
      [2, 3, 4],
    ]);
  });

  it("a failed write rejects its own items only, and the next items are still written", async () => {
    const { write, batches, finish, fail } = controlledWrite();
    const add = writeBatcher(write);
    const first = add(1);
    const second = add(2);
    await settle();
    fail[0]!(new Error("connection lost"));
    await expect(first).rejects.toThrow("connection lost");
    await settle();
    expect(batches).toEqual([[1], [2]]);
    finish[1]!();
    expect(await second).toEqual([2]);
    const third = add(3);
    await settle();
    finish[2]!();
    expect(await third).toEqual([3]);
  });
});

describe("writeBatcher with a minimum batch", () => {
  it("waits for company up to the limit, and flush() writes what is left at once", async () => {
    const { write, batches, finish } = controlledWrite();
    const add = writeBatcher(write, { minBatch: 3, maxWaitMs: 60_000 });
    const first = [add(1), add(2)];
    await settle();
    expect(batches).toEqual([]); // two of three: waiting
    const third = add(3);
    await settle();
    expect(batches).toEqual([[1, 2, 3]]);
    finish[0]!();
    await Promise.all([...first, third]);
    const last = add(4);
    const flushed = add.flush();
    await settle();
    expect(batches).toEqual([[1, 2, 3], [4]]);
    finish[1]!();
    await flushed;
    expect(await last).toEqual([4]);
  });

  it("writes a lone item once its wait is over", async () => {
    const { write, batches, finish } = controlledWrite();
    const add = writeBatcher(write, { minBatch: 3, maxWaitMs: 5 });
    const lone = add(1);
    await expect.poll(() => batches).toEqual([[1]]);
    finish[0]!();
    expect(await lone).toEqual([1]);
  });
});
