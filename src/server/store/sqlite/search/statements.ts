// Search runs a handful of distinct statements many times a second: each is prepared once per
// connection (better-sqlite3 does not cache them; preparing costs as much as running a small one).
import type { Statement } from "better-sqlite3";
import type { Sqlite } from "@/server/store/sqlite/direct-connection";

const prepared = new WeakMap<Sqlite, Map<string, Statement>>();

export function statement(sqlite: Sqlite, sql: string): Statement {
  let cache = prepared.get(sqlite);
  if (!cache) prepared.set(sqlite, (cache = new Map()));
  let found = cache.get(sql);
  if (!found) cache.set(sql, (found = sqlite.prepare(sql)));
  return found;
}
