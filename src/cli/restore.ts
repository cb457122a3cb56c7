// `npm run restore -- <file>`: puts a backup in place as the database of an empty data folder; `npm start`
// then applies any newer migrations. Refuses to overwrite an existing database.
import { env } from "@/env";
import { databaseFile } from "@/server/store/sqlite/database-file";
import { ensurePrivateDir } from "@/server/platform/private-files";
import { restoreDatabase } from "@/server/store/sqlite/backup";

const USAGE = "Usage: npm run restore -- <file>   (into a data folder with no database yet; stop the app first)";

function main(args: string[]): number {
  if (args.length !== 1 || args[0]!.startsWith("-")) {
    console.error(USAGE);
    return 2;
  }
  const settings = env();
  ensurePrivateDir(settings.dataDir);
  const target = databaseFile(settings.databaseUrl);
  const counts = restoreDatabase(args[0]!, target);
  console.log(
    `Restored ${args[0]} to ${target}: ${counts.Paper} papers, ${counts.Subscriber} subscribers, ${counts.Vote} votes.`,
  );
  return 0;
}

try {
  process.exit(main(process.argv.slice(2)));
} catch (error) {
  console.error(`restore: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
