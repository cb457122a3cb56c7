// Resolves the SQLite URL and file path the app, the CLI and Prisma's own CLI all share.
import fs from "node:fs";
import path from "node:path";
import { env } from "../../../env";

export function databaseUrl(): string {
  return env().databaseUrl;
}

/** The file path behind a `file:` URL, with its folder created. */
export function databaseFile(url = databaseUrl()): string {
  if (!url.startsWith("file:")) throw new Error(`DATABASE_URL must be a file: URL for SQLite, got "${url}"`);
  const file = path.resolve(url.slice("file:".length));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return file;
}
