// Two server processes on one database (a SQLite file, or PostgreSQL in the PostgreSQL pass), as behind a load
// balancer: a client's votes sent alternately through both are refused at the same count as through one,
// because the windows live in the database, not in a process.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, startNext, type AppProcess } from "../helpers/app-process";
import { appEnv } from "../helpers/app-env";
import { addPapers } from "../helpers/digest-fixtures";
import { freePort } from "../helpers/free-port";
import { createTempDb, type TempDb } from "../helpers/temp-db";

/** The vote route's limit (src/server/trending/vote-request.ts): 30 a minute per client address. */
const VOTE_LIMIT = 30;
const REQUESTS = VOTE_LIMIT + 8;
let temp: TempDb;
let servers: AppProcess[] = [];
let paperId: number;

beforeAll(async () => {
  await ensureBuilt();
  temp = await createTempDb();
  paperId = (await addPapers(temp.db, 1, new Date(Date.now() - 3_600_000)))[0]!;
  const ports = [await freePort(), await freePort()];
  // One trusted proxy hop: each test client is the address it names in X-Forwarded-For, as a proxy would say.
  servers = await Promise.all(ports.map((port) => startNext(port, appEnv(temp, port, { TRUSTED_PROXIES: "1" }))));
}, 600_000);
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await temp?.cleanup();
});

/** One reader (one cookie, one address) voting REQUESTS times, each vote through `route(i)`; the statuses. */
async function voteRepeatedly(address: string, route: (i: number) => AppProcess): Promise<number[]> {
  let cookie = "";
  const statuses: number[] = [];
  // One after another: the 31st request must find the first 30 counted, whichever instance counted them.
  for (let i = 0; i < REQUESTS; i++) {
    const server = route(i);
    const response = await fetch(`${server.url}/api/papers/${paperId}/vote`, {
      method: "POST",
      headers: { "x-forwarded-for": address, origin: server.url, ...(cookie ? { cookie } : {}) },
    });
    cookie ||= response.headers.get("set-cookie")?.split(";")[0] ?? "";
    statuses.push(response.status);
    await response.body?.cancel();
  }
  return statuses;
}

describe("rate limits with two instances on one database", () => {
  // Both runs finish in a few seconds, well inside the limit's one-minute window that starts at the first vote.
  const expected = [...Array<number>(VOTE_LIMIT).fill(200), ...Array<number>(REQUESTS - VOTE_LIMIT).fill(429)];

  it("refuse a client's votes sent alternately through both at the limit of one instance", async () => {
    expect(await voteRepeatedly("198.51.100.21", (i) => servers[i % 2]!)).toEqual(expected);
  }, 120_000);

  it("refuse a client's votes through one instance at the same count", async () => {
    expect(await voteRepeatedly("198.51.100.22", () => servers[0]!)).toEqual(expected);
  }, 120_000);
});
