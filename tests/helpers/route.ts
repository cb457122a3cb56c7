// Calls Next.js route handlers directly with real Request objects, against a temporary database.
import { env } from "../../src/env";
import { stampClientHeaders } from "../../src/server/platform/http/client-address";
import { useStore } from "../../src/server/store/open-store";
import { createTempDb, type TempDb } from "./temp-db";

/** A temp db that route handlers (via getStore()) will use. */
export async function createRouteTestDb(): Promise<TempDb> {
  const temp = await createTempDb();
  useStore(env().databaseUrl, temp.store);
  return temp;
}

export function request(url: string, init?: RequestInit & { ip?: string }): Request {
  const headers = new Headers(init?.headers);
  if (init?.ip) stampClientHeaders(headers, init.ip); // as our server stamps the socket address
  return new Request(new URL(url, "http://localhost:3000"), { ...init, headers });
}

/** The `params` argument Next passes to dynamic route handlers. */
export function params<T extends Record<string, string>>(value: T): { params: Promise<T> } {
  return { params: Promise.resolve(value) };
}
