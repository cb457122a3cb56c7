// Two `npm run digest -- --date D` at once on one database: every reader gets exactly one digest for D.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runNpm } from "../helpers/app-process";
import { appEnv } from "../helpers/app-env";
import { addPapers, addReaders } from "../helpers/digest-fixtures";
import { startSmtpCatcher, type SmtpCatcher } from "../helpers/smtp-catcher";
import { createTempDb, type TempDb } from "../helpers/temp-db";

let temp: TempDb;
let smtp: SmtpCatcher;

beforeAll(async () => {
  temp = await createTempDb();
  smtp = await startSmtpCatcher();
});
afterAll(async () => {
  await smtp?.close();
  await temp?.cleanup();
});

describe("two digest CLIs at once", () => {
  it("send one digest per reader between them, and both exit 0", async () => {
    await addPapers(temp.db, 6, new Date(Date.now() - 2 * 3_600_000));
    const readers = await addReaders(temp.db, 30);
    const date = new Date().toISOString().slice(0, 10);
    const env = appEnv(temp, 3316, { SMTP_URL: smtp.url, DIGEST_TZ: "UTC" });
    const [first, second] = await Promise.all([
      runNpm("digest", ["--date", date], env),
      runNpm("digest", ["--date", date], env),
    ]);
    expect(first.code, first.output).toBe(0);
    expect(second.code, second.output).toBe(0);
    expect(smtp.messages.flatMap((m) => m.to).sort()).toEqual([...readers].sort());
    expect(await temp.db.delivery.count({ where: { status: "sent" } })).toBe(30);
  }, 300_000);
});
