// `npm run backup -- <file>`: a consistent copy of the database while the app keeps serving.
import { env } from "@/env";
import { databaseFile } from "@/server/store/sqlite/database-file";
import { backupDatabase } from "@/server/store/sqlite/backup";

const USAGE =
  "Usage: npm run backup -- <file>   (writes a new SQLite file; keep SECRET_KEY or <DATA_DIR>/secret-key with it)";

async function main(args: string[]): Promise<number> {
  if (args.length !== 1 || args[0]!.startsWith("-")) {
    console.error(USAGE);
    return 2;
  }
  const source = databaseFile(env().databaseUrl);
  const counts = await backupDatabase(source, args[0]!);
  console.log(
    `Backed up ${source} to ${args[0]}: ${counts.Paper} papers, ${counts.Subscriber} subscribers, ${counts.Vote} votes.`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`backup: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
