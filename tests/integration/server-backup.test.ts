// `npm run backup` copies the database consistently while the app serves and writes; `npm run restore` puts it
// into an empty data folder; the app started there serves the same rows.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILD_TIMEOUT_MS, startAppServer, tempDataDir, type AppServer } from "../helpers/app-server";

const ROOT = path.resolve(import.meta.dirname, "../..");
let live: AppServer;
let restored: AppServer | undefined;
beforeAll(async () => {
  live = await startAppServer({ port: 3519 });
}, BUILD_TIMEOUT_MS + 120_000);
afterAll(async () => {
  await live?.stop();
  await restored?.stop();
});

/** Runs an npm script without blocking this process (the writer below keeps sending while it runs). */
function npmRun(
  script: string,
  args: string[],
  dataDir: string,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn("npm", ["run", "--silent", script, "--", ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on("close", (status) => resolve({ status, stdout, stderr })));
}

function counts(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
    const votes = (db.prepare(`SELECT SUM(votes) AS n FROM "Paper"`).get() as { n: number }).n;
    return {
      papers: count("Paper"),
      votes: count("Vote"),
      voteTotal: votes,
      subscribers: count("Subscriber"),
      events: count("PaperEvent"),
    };
  } finally {
    db.close();
  }
}

describe("backup and restore", () => {
  it("backs up while the app takes votes, restores into an empty folder, and the restored app has the same rows", async () => {
    const papers = ((await (await fetch(`${live.url}/api/papers?limit=30`)).json()) as { papers: { id: number }[] })
      .papers;
    // Writes in flight while the backup runs (each a new client, so limits do not stop them).
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        await fetch(`${live.url}/api/papers/${papers[i % papers.length]!.id}/vote`, {
          method: "POST",
          headers: { accept: "application/json" },
        });
      }
    })();
    const backup = path.join(path.dirname(live.dataDir), "backup.db");
    const made = await npmRun("backup", [backup], live.dataDir);
    writing = false;
    await writer;
    expect(made.stderr).toBe("");
    expect(made.status).toBe(0);
    expect(made.stdout).toMatch(/Backed up .* \d+ papers/);
    expect((fs.statSync(backup).mode & 0o777).toString(8)).toBe("600");
    const copy = counts(backup);
    // Consistent: the vote rows and the papers' vote counters moved together.
    expect(copy.voteTotal).toBe(copy.votes);
    expect(copy.papers).toBe(210);

    // A second backup to the same name is refused rather than overwriting it.
    expect((await npmRun("backup", [backup], live.dataDir)).status).toBe(1);

    const target = tempDataDir("paper-digest-restore-");
    const put = await npmRun("restore", [backup], target);
    expect(put.stderr).toBe("");
    expect(put.status).toBe(0);
    // Restoring again over the now non-empty folder is refused.
    const again = await npmRun("restore", [backup], target);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("empty data folder");

    restored = await startAppServer({ port: 3520, dataDir: target, env: { SECRET_KEY: "" } });
    const health = (await (await fetch(`${restored.url}/api/health`)).json()) as { papers: number };
    expect(health.papers).toBe(copy.papers);
    const first = ((await (await fetch(`${restored.url}/api/papers/${papers[0]!.id}`)).json()) as { votes: number })
      .votes;
    expect(first).toBe(
      new Database(backup, { readonly: true })
        .prepare(`SELECT votes FROM "Paper" WHERE id = ?`)
        .pluck()
        .get(papers[0]!.id),
    );
    expect(counts(path.join(target, "paper-digest.db"))).toEqual(copy);
  }, 300_000); // four CLI runs and a second server start on a shared 2-core machine

  it("refuses a file that is not a paper-digest backup, leaving the folder empty", async () => {
    const junk = path.join(path.dirname(live.dataDir), "junk.db");
    fs.writeFileSync(junk, "not a database at all");
    const target = tempDataDir("paper-digest-restore-");
    const result = await npmRun("restore", [junk], target);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/not a SQLite database/);
    expect(fs.existsSync(path.join(target, "paper-digest.db"))).toBe(false);
  }, 60_000);
});
