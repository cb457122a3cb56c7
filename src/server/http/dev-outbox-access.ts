// Who may read /dev/outbox: it shows every mail's confirmation and manage links, so only this machine, and
// only when DEV_OUTBOX is on (a local `npm start` turns it on; production never serves it).
import { headers } from "next/headers";
import { env } from "../../env";
import { isLoopbackClient } from "./client-address";

export async function mayReadOutbox(): Promise<boolean> {
  return env().devOutbox && isLoopbackClient(await headers());
}
