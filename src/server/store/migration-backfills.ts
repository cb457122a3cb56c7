// Data steps of migrations that need the app's own parsers: after a migration's SQL, the migrator of
// either engine reads `select`, asks `compute` for new values, and writes them into `table`.`column`, all in
// the migration's transaction. So a stored paper is parsed exactly as a newly imported one is.
import { paperCodeUrl } from "@/domain/code/code-links";
import { isGenericSingleWord } from "@/domain/topics/generic-words";
import { RETIRED_TOPIC } from "./topics";

export interface Backfill {
  /** Plain SQL valid on both engines; must return an "id" column. */
  select: string;
  table: string;
  column: string;
  /** The new value of `column` for the rows that need one. */
  compute(rows: readonly Record<string, unknown>[]): { id: number; value: string | null }[];
}

const text = (value: unknown) => (typeof value === "string" ? value : null);

/** By migration name. */
export const BACKFILLS: Readonly<Record<string, Backfill>> = {
  "20261201007000_code_links_keywords": {
    select: `SELECT "id", "abstract", "comment" FROM "Paper"`,
    table: "Paper",
    column: "codeUrl",
    compute: (rows) =>
      rows.flatMap((row) => {
        const codeUrl = paperCodeUrl({ abstract: text(row.abstract) ?? "", comment: text(row.comment) });
        return codeUrl ? [{ id: Number(row.id), value: codeUrl }] : [];
      }),
  },
  "20261201007100_retire_generic_topics": {
    select: `SELECT "id", "label" FROM "Topic" WHERE "kind" = 'phrase'`,
    table: "Topic",
    column: "kind",
    compute: (rows) =>
      rows
        .filter((row) => isGenericSingleWord(text(row.label) ?? ""))
        .map((row) => ({ id: Number(row.id), value: RETIRED_TOPIC })),
  },
};
