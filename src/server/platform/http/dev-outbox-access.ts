// Who may read /dev/outbox: it shows every mail's confirmation and manage links, so only this machine, and
// only when DEV_OUTBOX is on (a local `npm start` turns it on; production never serves it).
import type { IncomingHttpHeaders } from "node:http";
import { env } from "@/env";
import { isLoopbackClient } from "./client-address";

export function mayReadOutbox(requestHeaders: IncomingHttpHeaders): boolean {
  const headers = new Headers();
  for (const [name, value] of Object.entries(requestHeaders)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  return env().devOutbox && isLoopbackClient(headers);
}
