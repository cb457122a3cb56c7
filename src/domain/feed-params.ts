// The feed's URL parameters, shared by the page, /api/papers and /feed.xml: one schema, one meaning.
import { z } from "zod";

export const FEED_WINDOWS = ["day", "week", "month", "all"] as const;
export type FeedWindow = (typeof FEED_WINDOWS)[number];
export const FEED_SORTS = ["trending", "new", "relevance"] as const;
export type FeedSort = (typeof FEED_SORTS)[number];

/** A trending page shows the week by default: a day is often too thin, a month too stale. */
export const DEFAULT_WINDOW: FeedWindow = "week";

const WINDOW_DAYS: Record<FeedWindow, number | null> = { day: 1, week: 7, month: 30, all: null };

/** The oldest feed date inside the window, or null for "all". */
export function windowStart(window: FeedWindow, now: Date): Date | null {
  const days = WINDOW_DAYS[window];
  return days === null ? null : new Date(now.getTime() - days * 86_400_000);
}

/** Topics or authors one query may name (a saved query has the same bound). */
export const MAX_FILTER_VALUES = 20;

const CURSOR_PATTERN = /^o(\d{1,7})$/;

/** Cursors are opaque to clients; inside they are an offset ("o40"), base64url-encoded. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o${offset}`).toString("base64url");
}

export function decodeCursor(cursor: string): number | null {
  const match = CURSOR_PATTERN.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  return match ? Number(match[1]) : null;
}

const optionalText = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  z.string().optional(),
);

/** `?has=`: what a paper must have to be listed. */
export const FEED_HAS = ["code"] as const;
/** `?like=` holds a pasted abstract or paragraph: a long abstract fits, a whole paper does not. */
export const MAX_LIKE_LENGTH = 5_000;

export const FeedQuerySchema = z.object({
  q: optionalText,
  /** One topic slug, or several separated by commas (papers in any of them). */
  topic: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .max(2000)
      .regex(/^[a-z0-9.-]+(,[a-z0-9.-]+)*$/, "must be topic slugs separated by commas")
      .refine((v) => topicSlugs(v).length <= MAX_FILTER_VALUES, `must name at most ${MAX_FILTER_VALUES} topics`)
      .optional(),
  ),
  /** Author names (the parameter repeated): papers by any of them, matched whatever the case or accents. */
  author: z.preprocess(
    (v) => (Array.isArray(v) ? v.map((name) => String(name).trim()).filter((name) => name !== "") : undefined),
    z
      .array(z.string().max(100, "must be names of at most 100 characters"))
      .max(MAX_FILTER_VALUES, `must name at most ${MAX_FILTER_VALUES} authors`)
      .optional()
      .transform((names) => (names && names.length > 0 ? names : undefined)),
  ),
  window: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.enum(FEED_WINDOWS, { message: `must be one of ${FEED_WINDOWS.join(", ")}` }).default(DEFAULT_WINDOW),
  ),
  sort: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.enum(FEED_SORTS, { message: `must be one of ${FEED_SORTS.join(", ")}` }).optional(),
  ),
  limit: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce
      .number({ message: "must be a whole number from 1 to 100" })
      .int("must be a whole number from 1 to 100")
      .min(1, "must be at least 1")
      .max(100, "must be at most 100")
      .default(20),
  ),
  has: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.enum(FEED_HAS, { message: `must be one of ${FEED_HAS.join(", ")}` }).optional(),
  ),
  like: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.string().max(MAX_LIKE_LENGTH, `must be at most ${MAX_LIKE_LENGTH} characters`).optional(),
  ),
  cursor: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .max(64)
      .refine((c) => decodeCursor(c) !== null, "is not a cursor this API issued")
      .optional(),
  ),
});

export type FeedQuery = z.infer<typeof FeedQuerySchema>;

/** The slugs of a `topic` parameter ("a,b" → ["a", "b"]). */
export function topicSlugs(topic: string | undefined): string[] {
  return topic ? topic.split(",").filter((slug) => slug !== "") : [];
}

/** Parameters that may repeat (every value kept); the others take their first value. */
const REPEATED_PARAMS = new Set(["author"]);

/** Reads the feed parameters from URL search params. */
export function feedQueryInput(params: URLSearchParams): Record<string, string | string[]> {
  const input: Record<string, string | string[]> = {};
  for (const key of Object.keys(FeedQuerySchema.shape)) {
    const value = REPEATED_PARAMS.has(key) ? params.getAll(key) : params.get(key);
    if (value !== null && value.length > 0) input[key] = value;
  }
  return input;
}
