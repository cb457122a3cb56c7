// Prisma CLI configuration: the JS schema engine over better-sqlite3, so migrate works offline.
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { env } from "./src/env";
import { databaseFile } from "./src/server/store/sqlite/database-file";

const url = `file:${databaseFile(env().databaseUrl)}`;
// The schema's datasource reads DATABASE_URL; give it the same resolved default as the app.
process.env.DATABASE_URL = url;

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaBetterSQLite3({ url }),
});
