// The file path behind a SQLite URL, shared by the store and Prisma's own CLI (prisma.config.ts).
import fs from "node:fs";
import path from "node:path";

/** The file path behind a `file:` URL, with its folder created. */
export function databaseFile(url: string): string {
  if (!url.startsWith("file:")) throw new Error(`DATABASE_URL must be a file: URL for SQLite, got "${url}"`);
  const file = path.resolve(url.slice("file:".length));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return file;
}
