// `npm run db:copy -- --from file:data/paper-digest.db --to postgresql://… [--force]`: moves a SQLite
// installation to PostgreSQL, verifying every table's row count; refuses a non-empty target without --force.
import { parseArgs } from "node:util";
import { z } from "zod";
import { copySqliteToPostgres } from "@/server/store/postgres/copy-from-sqlite";

const CopyArgsSchema = z.object({
  from: z
    .string({ error: "--from <file: URL of the SQLite database> is required" })
    .startsWith("file:", { error: "--from must be a file: URL (the SQLite database)" }),
  to: z
    .string({ error: "--to <postgresql:// URL> is required" })
    .regex(/^postgres(ql)?:\/\//, { error: "--to must be a postgresql:// URL" }),
  force: z.boolean().default(false),
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { from: { type: "string" }, to: { type: "string" }, force: { type: "boolean" } },
    strict: true,
  });
  const parsed = CopyArgsSchema.safeParse(values);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join("; "));
  const { from, to, force } = parsed.data;
  const report = await copySqliteToPostgres(from, to, {
    force,
    onTable: ({ table, rows }) => console.log(`${table.padEnd(20)} ${rows} rows`),
  });
  console.log(`Copied ${report.reduce((n, r) => n + r.rows, 0)} rows; every table's count matches the source.`);
}

main().catch((error: unknown) => {
  console.error(`db:copy: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
