// The HTTP server `npm start` runs: Next.js's request handler behind a plain Node server, so that every request
// is stamped with the client address seen on the socket (see src/server/platform/http/client-address.ts), and
// public pages are answered from the response cache (src/server/platform/http/response-cache/). `next start`
// cannot do this: it passes the client's own X-Forwarded-For through to route handlers untouched.
// On SIGTERM or SIGINT it stops gracefully: no new connections, requests in flight (a cron digest run among them,
// which stops claiming deliveries) finish within SHUTDOWN_TIMEOUT_MS, then the SMTP pool and the database close
// and the process exits 0.
import http from "node:http";
import next from "next";
import { env } from "@/env";
import { clientAddressOf, stampClientAddress } from "@/server/platform/http/client-address";
import { applySecurityHeaders } from "@/server/platform/http/security-headers";
import { closeMailer } from "@/server/platform/mailer";
import { onStopSignals } from "@/server/platform/shutdown";
import { closeStores } from "@/server/store/open-store";
import { createResponseCache } from "@/server/platform/http/response-cache/cached-handler";

/** Methods the Fetch standard forbids: Next cannot build a Request for them and would answer 500. */
const FORBIDDEN_METHODS = new Set(["CONNECT", "TRACE", "TRACK"]);

async function main(): Promise<void> {
  const settings = env();
  // `npm run dev` passes --dev: the same stamping in front of Next's development server.
  const dev = process.argv.includes("--dev");
  const app = next({ dev, dir: process.cwd(), port: settings.PORT });
  await app.prepare();
  // Public pages and GET API answers from memory (never in development, where the code changes under them).
  const { handle } = createResponseCache(app.getRequestHandler(), {
    maxBytes: dev ? 0 : settings.RESPONSE_CACHE_MB * 1024 * 1024,
  });
  const headerSettings = { https: settings.appUrl.startsWith("https://"), dev };
  let inFlight = 0;
  let idle: (() => void) | null = null;
  const server = http.createServer((req, res) => {
    applySecurityHeaders(res, req.url ?? "/", headerSettings);
    inFlight += 1;
    res.once("close", () => {
      inFlight -= 1;
      if (inFlight === 0) idle?.();
    });
    if (FORBIDDEN_METHODS.has(req.method ?? "")) {
      res
        .writeHead(405, { Allow: "GET, HEAD, POST, DELETE", "Content-Type": "text/plain" })
        .end("Method not allowed\n");
      return;
    }
    stampClientAddress(
      req.headers,
      clientAddressOf(req.socket.remoteAddress, req.headers["x-forwarded-for"], settings.TRUSTED_PROXIES),
    );
    void handle(req, res);
  });
  onStopSignals(
    async () => {
      server.close();
      server.closeIdleConnections();
      if (inFlight > 0) await new Promise<void>((resolve) => (idle = resolve));
      server.closeAllConnections();
      await closeMailer();
      await closeStores();
      console.log("Stopped: requests in flight finished, mail and database closed");
      process.exit(0);
    },
    { timeoutMs: settings.SHUTDOWN_TIMEOUT_MS },
  );
  server.listen(settings.PORT, () => console.log(`Listening on port ${settings.PORT}`));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
