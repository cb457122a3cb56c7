// Applies the committed migrations with Prisma's own CLI (offline JS engine), against the configured db.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { databaseFile } from "./database-file";

const PRISMA_BIN = path.join(process.cwd(), "node_modules", ".bin", "prisma");

/** Runs `prisma migrate deploy`; throws with Prisma's output when it fails. */
export function applyMigrations(url: string): void {
  const result = spawnSync(PRISMA_BIN, ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${databaseFile(url)}`, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(`Database migration failed:\n${result.stdout}\n${result.stderr}`.trim());
  }
}
