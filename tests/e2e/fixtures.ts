// What every spec shares. Each test is its own reader: a fresh browser context (so a fresh visitor
// cookie) and its own client address, so per-address rate limits never make one test pay for another's
// requests. Tests that change shared rankings work on papers set aside for them (ownPaperId).
import crypto from "node:crypto";
import { test as base, type APIRequestContext, type TestInfo } from "@playwright/test";
import { startE2eServer } from "../helpers/e2e-server";

export { expect } from "@playwright/test";
export { E2E_CRON_SECRET } from "../helpers/e2e-server";

/** A documentation-range address nobody else uses in this run. */
function newClientAddress(): string {
  const [a, b] = crypto.randomBytes(2);
  return `198.18.${a}.${b}`;
}

export const test = base.extend<{ clientAddress: string }>({
  clientAddress: async ({}, use) => use(newClientAddress()),
  extraHTTPHeaders: async ({ clientAddress }, use) => use({ "x-forwarded-for": clientAddress }),
  // The outbox is served to this machine only, and a reader opening their mail there is on this machine.
  page: async ({ page }, use) => {
    await page.route("**/dev/outbox**", (route) =>
      route.continue({ headers: { ...route.request().headers(), "x-forwarded-for": "127.0.0.1" } }),
    );
    await use(page);
  },
});

/**
 * A test that needs the sample exactly as loaded (no votes or views from other tests) gets its own server
 * on its own data folder. Starting one takes seconds, so only such tests use this.
 */
export const testOnOwnServer = test.extend({
  baseURL: [
    async ({}, use) => {
      const server = await startE2eServer();
      try {
        await use(server.url);
      } finally {
        await server.stop();
      }
    },
    { scope: "test", timeout: 120_000 },
  ],
});

/**
 * Sample papers are loaded in source order, so their ids are 1..210. Each test that votes takes papers
 * from its own block of ids, one per repetition, so no other test, and no other run of itself in
 * parallel, votes on them.
 */
export function ownPaperId(block: number, testInfo: TestInfo): number {
  return block + testInfo.repeatEachIndex;
}

export interface SamplePaper {
  id: number;
  slug: string;
  title: string;
  abstract: string;
}

export async function paperById(request: APIRequestContext, id: number): Promise<SamplePaper> {
  const response = await request.get(`/api/papers/${id}`);
  if (!response.ok()) throw new Error(`GET /api/papers/${id} answered ${response.status()}`);
  return (await response.json()) as SamplePaper;
}
