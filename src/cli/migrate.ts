// npm run db:migrate: brings the configured database up to date. Opening the store migrates it (the server
// and every CLI do the same), safely while the app runs; a database newer than this code is refused.
import { env } from "@/env";
import { openConfiguredStore } from "@/server/store/open-store";

openConfiguredStore().then(
  async (store) => {
    await store.close();
    console.log(
      `Database up to date: ${env()
        .databaseUrl.replace(/^file:/, "")
        .replace(/\/\/[^@/]*@/, "//")}`,
    );
  },
  (error: unknown) => {
    console.error(`db:migrate: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
