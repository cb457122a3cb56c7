// A PostgreSQL check of the tags an import wrote: papers whose topicsText is not the text of exactly their tags.
import type { Db } from "../../src/server/store/sqlite/prisma-client";

export async function papersWithStaleTopicsText(db: Db): Promise<number> {
  const [mismatched] = await db.$queryRawUnsafe<{ n: bigint }[]>(
    `WITH wanted AS (
       SELECT p."id", coalesce(string_agg(t."label" || coalesce((SELECT ' | ' || string_agg(a, ' | ') FROM jsonb_array_elements_text(t."aliases"::jsonb) a), ''), ' | ' ORDER BY t."id"), '') AS text
       FROM "Paper" p LEFT JOIN "PaperTopic" pt ON pt."paperId" = p."id" LEFT JOIN "Topic" t ON t."id" = pt."topicId" GROUP BY p."id")
     SELECT count(*) AS n FROM "Paper" p JOIN wanted w ON w."id" = p."id" WHERE p."topicsText" <> w.text`,
  );
  return Number(mismatched!.n);
}
