// Calls Next.js route handlers directly with real Request objects, against a temporary database.
import { useDb } from "../../src/server/db";
import { stampClientHeaders } from "../../src/server/http/client-address";
import { createTempDb, type TempDb } from "./temp-db";

/** A temp db that route handlers (via getDb()) will use. */
export async function createRouteTestDb(): Promise<TempDb> {
  const temp = await createTempDb();
  useDb(temp.db);
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
