// The form fields of a saved query beside its topics: search words, authors, and daily or weekly on a
// weekday. Shared by the subscribe box and the manage page; plain inputs, so they work without JavaScript.
import { WEEKDAY_NAMES, WEEKDAYS, type Cadence, type Weekday } from "@/domain/subscription/saved-query";
import { MAX_QUERY_CHARS } from "@/domain/search/sanitize-query";

export interface SavedQueryValues {
  query?: string;
  authors?: string[];
  cadence?: Cadence;
  weekday?: Weekday;
}

const INPUT_CLASS =
  "mt-1 w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm font-normal dark:border-stone-700 dark:bg-stone-950";

export function SavedQueryFields({ uid, values = {} }: { uid: string; values?: SavedQueryValues }) {
  const cadence = values.cadence ?? "daily";
  return (
    <div className="space-y-3">
      <label htmlFor={`${uid}-query`} className="block text-sm font-medium">
        Search words{" "}
        <span className="font-normal text-stone-600 dark:text-stone-400">(optional, as in the search box)</span>
        <input
          id={`${uid}-query`}
          name="query"
          type="text"
          maxLength={MAX_QUERY_CHARS}
          defaultValue={values.query ?? ""}
          placeholder="e.g. low-rank adaptation"
          className={INPUT_CLASS}
        />
      </label>
      <label htmlFor={`${uid}-authors`} className="block text-sm font-medium">
        Authors <span className="font-normal text-stone-600 dark:text-stone-400">(optional, comma-separated)</span>
        <input
          id={`${uid}-authors`}
          name="authors"
          type="text"
          maxLength={2000}
          defaultValue={(values.authors ?? []).join(", ")}
          placeholder="e.g. Edward J. Hu, Tim Dettmers"
          className={INPUT_CLASS}
        />
      </label>
      <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
        <legend className="mb-1 font-medium">How often</legend>
        <label className="flex items-center gap-1.5">
          <input type="radio" name="cadence" value="daily" defaultChecked={cadence === "daily"} /> Daily
        </label>
        <label className="flex items-center gap-1.5">
          <input type="radio" name="cadence" value="weekly" defaultChecked={cadence === "weekly"} /> Weekly, on
        </label>
        <label htmlFor={`${uid}-weekday`} className="sr-only">
          Weekday
        </label>
        <select
          id={`${uid}-weekday`}
          name="weekday"
          defaultValue={values.weekday ?? "mon"}
          className="rounded-lg border border-stone-300 bg-white px-2 py-1 dark:border-stone-700 dark:bg-stone-950"
        >
          {WEEKDAYS.map((day) => (
            <option key={day} value={day}>
              {WEEKDAY_NAMES[day]}
            </option>
          ))}
        </select>
      </fieldset>
    </div>
  );
}
