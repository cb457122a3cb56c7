import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runSubscribersCli } from "../../src/cli/subscribers";
import { resetEnvCache } from "../../src/env";
import { createTempDb, type TempDb } from "../helpers/temp-db";

let temp: TempDb;
const now = new Date("2026-11-26T07:00:00Z");

// Each test gets its own two subscribers: one of them deletes one.
beforeEach(async () => {
  temp = await createTempDb();
  process.env.DATABASE_URL = temp.url;
  resetEnvCache();
  const { db } = temp;
  const base = { createdAt: now, topics: '["llm"]' };
  const jane = await db.subscriber.create({
    data: {
      ...base,
      email: "Jane@example.com",
      status: "active",
      manageTokenHash: "n1",
      confirmedAt: now,
      consentUserAgent: '=HYPERLINK("x")',
    },
  });
  await db.subscriber.create({ data: { ...base, email: "bob@example.com", status: "pending", manageTokenHash: "n2" } });
  const paper = await db.paper.create({
    data: {
      slug: "p",
      title: "P",
      abstract: "A",
      titleText: "P",
      abstractText: "A",
      titleKey: "p",
      firstSeenAt: now,
      feedAt: now,
      sourceName: "test",
    },
  });
  const run = await db.digestRun.create({ data: { date: "2026-11-26", startedAt: now } });
  await db.delivery.create({ data: { runId: run.id, subscriberId: jane.id, status: "sent" } });
  await db.sentPaper.create({ data: { subscriberId: jane.id, paperId: paper.id, sentAt: now } });
});
afterEach(async () => {
  delete process.env.DATABASE_URL;
  resetEnvCache();
  await temp.cleanup();
});

async function run(args: string[]) {
  let output = "";
  const code = await runSubscribersCli(args, (text) => (output += text));
  return { code, output };
}

describe("npm run subscribers", () => {
  it("lists subscribers with a summary", async () => {
    const { code, output } = await run(["list"]);
    expect(code).toBe(0);
    expect(output).toContain("Jane@example.com");
    expect(output).toContain("2 subscribers: 1 active, 1 pending");
  });

  it("exports CSV with formula-looking cells defused", async () => {
    const { code, output } = await run(["export"]);
    expect(code).toBe(0);
    const lines = output.trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^id,email,status,topics,createdAt/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`,"'=HYPERLINK(""x"")",`);
    expect(lines[1]).toContain("2026-11-26T07:00:00.000Z");
  });

  it("deletes a person with their deliveries and sent papers, matching any case", async () => {
    expect(await run(["delete", "jane@EXAMPLE.com"])).toEqual({
      code: 0,
      output: "Deleted jane@EXAMPLE.com and all of their data.\n",
    });
    expect(await temp.db.subscriber.count()).toBe(1);
    expect(await temp.db.delivery.count()).toBe(0);
    expect(await temp.db.sentPaper.count()).toBe(0);
    expect((await run(["delete", "jane@example.com"])).code).toBe(1);
    expect((await run(["delete"])).code).toBe(2);
    expect((await run(["bogus"])).code).toBe(2);
  });
});
