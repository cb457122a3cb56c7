// The data folder holds the database (subscriber addresses), the local secret key and the outbox (live
// confirmation and manage links): other users of the machine must not read any of it.
import fs from "node:fs";

/** Creates `dir` (and parents) and makes it 0700, tightening a folder an older version created 0755. */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
}

/** Makes a SQLite database and its side files 0600 (SQLite creates -wal and -shm with the database's mode). */
export function makeDatabaseFilesPrivate(file: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) {
    try {
      fs.chmodSync(file + suffix, 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
}
