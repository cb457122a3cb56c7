// The saved-query fields of a subscribe or manage request (topics, query, authors, cadence, weekday), and
// the topics checked against the catalogue: a topic that is not one of ours is not dropped but moved into
// the search words, and the reader is told which.
import { z } from "zod";
import { topicResolver } from "@/domain/digest/digest-topics";
import { normaliseTopics } from "@/domain/subscription/topics";
import {
  CADENCES,
  normaliseAuthors,
  normaliseQuery,
  WEEKDAYS,
  type Cadence,
  type SavedQuery,
  type Weekday,
} from "@/domain/subscription/saved-query";
import type { Store } from "@/server/store/store";

const blankAsMissing = (v: unknown) => (v === "" || v === null ? undefined : v);
const textList = z.union([z.string(), z.array(z.string({ error: "must be text" }))]).optional();
const asList = (value: string | string[] | undefined) =>
  value === undefined ? [] : typeof value === "string" ? [value] : value;

export const SavedQueryFields = {
  topics: textList.transform((value, ctx) => {
    const check = normaliseTopics(asList(value));
    if (check.ok) return check.topics;
    ctx.addIssue({ code: "custom", message: check.message });
    return z.NEVER;
  }),
  query: z.preprocess(
    blankAsMissing,
    z
      .string({ error: "The search must be text." })
      .optional()
      .transform((value, ctx) => {
        const check = normaliseQuery(value ?? "");
        if (check.ok) return check.value;
        ctx.addIssue({ code: "custom", message: check.message });
        return z.NEVER;
      }),
  ),
  authors: textList.transform((value, ctx) => {
    const check = normaliseAuthors(asList(value));
    if (check.ok) return check.value;
    ctx.addIssue({ code: "custom", message: check.message });
    return z.NEVER;
  }),
  cadence: z.preprocess(blankAsMissing, z.enum(CADENCES, { error: `The cadence is "daily" or "weekly".` }).optional()),
  weekday: z.preprocess(
    blankAsMissing,
    z.enum(WEEKDAYS, { error: `The weekday is one of ${WEEKDAYS.join(", ")}.` }).optional(),
  ),
};

/** Reads the saved-query fields of a form (repeated fields kept as lists). */
export function savedQueryFormFields(data: FormData) {
  const text = (value: FormDataEntryValue | null) => (typeof value === "string" ? value : "");
  return {
    topics: data.getAll("topics").map(text),
    query: text(data.get("query")),
    authors: data.getAll("authors").map(text),
    cadence: text(data.get("cadence")),
    weekday: text(data.get("weekday")),
  };
}

export interface SavedQueryInput {
  topics: string[];
  query: string;
  authors: string[];
}

export type ResolvedSavedQuery =
  { ok: true; saved: SavedQuery; movedToQuery: string[] } | { ok: false; field: "topics"; message: string };

/** Topics to catalogue slugs; the ones we do not have become search words (a query still ≤ 200 characters). */
export async function resolveSavedQuery(
  store: Pick<Store, "topics">,
  input: SavedQueryInput,
): Promise<ResolvedSavedQuery> {
  const resolve = topicResolver(await store.topics.catalogue());
  const slugs: string[] = [];
  const movedToQuery: string[] = [];
  for (const topic of input.topics) {
    const [slug] = resolve([topic]);
    if (!slug) movedToQuery.push(topic);
    else if (!slugs.includes(slug)) slugs.push(slug);
  }
  const query = normaliseQuery([input.query, ...movedToQuery].join(" "));
  if (!query.ok)
    return {
      ok: false,
      field: "topics",
      message: `${movedToQuery.map((t) => `“${t}”`).join(", ")} ${movedToQuery.length === 1 ? "is" : "are"} not among our topics and would make the search too long: ${query.message}`,
    };
  return { ok: true, saved: { topics: slugs, query: query.value, authors: input.authors }, movedToQuery };
}

/** The stored columns of a saved query and its schedule. */
export function savedQueryColumns(saved: SavedQuery, schedule: { cadence?: Cadence; weekday?: Weekday }) {
  return {
    topics: JSON.stringify(saved.topics),
    query: saved.query,
    authors: JSON.stringify(saved.authors),
    ...(schedule.cadence ? { cadence: schedule.cadence } : {}),
    ...(schedule.weekday ? { weekday: schedule.weekday } : {}),
  };
}
