// "More like this" on a paper page: a plain GET form to the feed's ?like= ranking, filled with the paper's
// abstract so one click finds similar papers, and editable to paste any paragraph instead. No script.
import { MAX_LIKE_LENGTH } from "@/domain/feed-params";

export function MoreLikeThis({ text }: { text: string }) {
  return (
    <section aria-labelledby="like-heading" className="space-y-2">
      <h2 id="like-heading" className="font-serif text-xl font-semibold">
        More like this
      </h2>
      <form action="/" method="get" className="space-y-2">
        <label htmlFor="like-text" className="block text-sm text-stone-700 dark:text-stone-300">
          Papers similar to this text (the abstract, or paste your own paragraph)
        </label>
        <textarea
          id="like-text"
          name="like"
          rows={4}
          maxLength={MAX_LIKE_LENGTH}
          defaultValue={text.slice(0, MAX_LIKE_LENGTH)}
          className="w-full rounded-lg border border-stone-300 bg-white p-3 text-sm dark:border-stone-700 dark:bg-stone-900"
        />
        <input type="hidden" name="window" value="all" />
        <button
          type="submit"
          className="rounded-full bg-stone-900 px-4 py-2 text-sm font-medium text-white hover:bg-stone-700 dark:bg-stone-100 dark:text-stone-900"
        >
          Find similar papers
        </button>
      </form>
    </section>
  );
}
