// The HTTP server `npm start` runs: Next.js's request handler behind a plain Node server, so that every request
// is stamped with the client address seen on the socket (see src/server/http/client-address.ts). `next start`
// cannot do this: it passes the client's own X-Forwarded-For through to route handlers untouched.
import http from "node:http";
import next from "next";
import { env } from "../env";
import { clientAddressOf, stampClientAddress } from "../server/http/client-address";

async function main(): Promise<void> {
  const settings = env();
  const app = next({ dev: false, dir: process.cwd(), port: settings.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((req, res) => {
    stampClientAddress(req.headers, clientAddressOf(req.socket.remoteAddress, req.headers["x-forwarded-for"], settings.TRUSTED_PROXIES));
    void handle(req, res);
  });
  server.listen(settings.PORT, () => console.log(`Listening on port ${settings.PORT}`));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
