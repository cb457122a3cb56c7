// /dev/outbox shows live confirmation and manage links: through a real server it is served only when enabled
// (a local `npm start` enables it) and only to this machine, never in production.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILD_TIMEOUT_MS, startAppServer, type AppServer } from "../helpers/app-server";

let local: AppServer;
let proxied: AppServer;
let disabled: AppServer;
let production: AppServer;
beforeAll(async () => {
  local = await startAppServer({ port: 3515 });
  proxied = await startAppServer({ port: 3516, env: { TRUSTED_PROXIES: "1" } });
  disabled = await startAppServer({ port: 3517, env: { DEV_OUTBOX: "off" } });
  production = await startAppServer({
    port: 3522,
    env: {
      APP_MODE: "production",
      DEV_OUTBOX: "on",
      APP_URL: "https://papers.example.org",
      SECRET_KEY: "production-test-secret-key-0123456789abcdef",
      CRON_SECRET: "production-test-cron-secret",
      MAIL_TRANSPORT: "outbox",
    },
  });
}, BUILD_TIMEOUT_MS + 480_000);
afterAll(async () => {
  await local?.stop();
  await proxied?.stop();
  await disabled?.stop();
  await production?.stop();
});

const get = (server: AppServer, pathname: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${pathname}`, { headers });

describe("/dev/outbox", () => {
  it("is served to a loopback client of a local start, whatever it claims in X-Forwarded-For", async () => {
    const page = await get(local, "/dev/outbox");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("instead of being sent");
    expect((await get(local, "/dev/outbox", { "x-forwarded-for": "203.0.113.5" })).status).toBe(200);
  });

  it("is not served to a client a trusted proxy reports as remote", async () => {
    const response = await get(proxied, "/dev/outbox", { "x-forwarded-for": "203.0.113.5" });
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("instead of being sent");
    expect((await get(proxied, "/dev/outbox/anything.eml", { "x-forwarded-for": "203.0.113.5" })).status).toBe(404);
    // ...nor can a remote client pose as loopback by writing its own entry left of the proxy's.
    expect((await get(proxied, "/dev/outbox", { "x-forwarded-for": "127.0.0.1, 203.0.113.5" })).status).toBe(404);
    expect((await get(proxied, "/dev/outbox", { "x-forwarded-for": "127.0.0.1" })).status).toBe(200);
  });

  it("is not served when DEV_OUTBOX=off", async () => {
    expect((await get(disabled, "/dev/outbox")).status).toBe(404);
  });

  it("is never served in production, even with DEV_OUTBOX=on and a loopback client", async () => {
    expect((await get(production, "/dev/outbox")).status).toBe(404);
    expect((await get(production, "/api/health")).status).toBe(200);
  });
});
