import { describe, expect, it } from "vitest";
import { isBusyError, retryWhenBusy } from "../../src/server/store/sqlite/busy-policy";
import { StoreBusyError } from "../../src/server/store/store";

describe("retryWhenBusy", () => {
  it("runs the work again after SQLite says the database is locked", async () => {
    let calls = 0;
    const result = await retryWhenBusy(async () => {
      calls += 1;
      if (calls < 3) throw new Error("SqliteError: database is locked");
      return "done";
    });
    expect(result).toBe("done");
    expect(calls).toBe(3);
  });

  it("gives up once the limit has passed, with an error that says the database stayed busy", async () => {
    let calls = 0;
    const busy = retryWhenBusy(async () => {
      calls += 1;
      throw Object.assign(new Error("busy"), { code: "SQLITE_BUSY" });
    }, 0);
    await expect(busy).rejects.toThrow(StoreBusyError);
    await expect(busy).rejects.toThrow(/stayed busy/);
    expect(calls).toBe(1);
  });

  it("never retries other errors", async () => {
    let calls = 0;
    await expect(
      retryWhenBusy(async () => {
        calls += 1;
        throw new Error("UNIQUE constraint failed");
      }),
    ).rejects.toThrow("UNIQUE");
    expect(calls).toBe(1);
    expect(isBusyError(new Error("database is locked"))).toBe(true);
    expect(isBusyError("database is locked")).toBe(false);
  });
});
