// Plain HTML forms for the manage page: they post to /api/subscriptions/manage and work without JavaScript.
import { useId } from "react";
import { SavedQueryFields, type SavedQueryValues } from "./saved-query-fields";

export function ManageActionButton({
  token,
  action,
  label,
  primary,
}: {
  token: string;
  action: string;
  label: string;
  primary?: boolean;
}) {
  const style = primary
    ? "rounded-full bg-accent-600 px-5 py-2 font-medium text-white hover:bg-accent-700"
    : "rounded-full border border-stone-300 px-5 py-2 font-medium hover:bg-stone-100 dark:border-stone-700 dark:hover:bg-stone-800";
  return (
    <form action="/api/subscriptions/manage" method="post">
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="action" value={action} />
      <button type="submit" className={style}>
        {label}
      </button>
    </form>
  );
}

export interface FollowFormValues extends SavedQueryValues {
  topics: string[];
}

/** Everything a subscription follows and when, in one form (action "follow"). */
export function ManageFollowForm({
  token,
  current,
  choices,
}: {
  token: string;
  current: FollowFormValues;
  choices: { slug: string; label: string }[];
}) {
  const uid = useId();
  const offered = new Set(choices.map((c) => c.slug));
  const other = current.topics.filter((topic) => !offered.has(topic));
  return (
    <form
      action="/api/subscriptions/manage"
      method="post"
      className="space-y-4 rounded-xl border border-stone-200 bg-white p-5 dark:border-stone-800 dark:bg-stone-900"
    >
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="action" value="follow" />
      <h2 className="font-serif text-lg font-semibold">What you follow</h2>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        A paper is sent when it matches every part you fill in (any of the topics, the search words, any of the
        authors). Nothing filled in means all trending papers.
      </p>
      <fieldset>
        <legend className="text-sm font-medium">Topics</legend>
        {choices.length > 0 && (
          <div className="mt-2 flex flex-wrap gap-2">
            {choices.map((choice) => (
              <label
                key={choice.slug}
                className="flex cursor-pointer items-center gap-1.5 rounded-full border border-stone-300 px-3 py-1 text-sm has-[:checked]:border-accent-600 has-[:checked]:bg-accent-50 dark:border-stone-700 dark:has-[:checked]:bg-stone-800"
              >
                <input
                  type="checkbox"
                  name="topics"
                  value={choice.slug}
                  defaultChecked={current.topics.includes(choice.slug)}
                  className="accent-accent-600"
                />
                {choice.label}
              </label>
            ))}
          </div>
        )}
        <label className="mt-3 block text-sm font-medium">
          {choices.length > 0 ? "Other topics" : "Your topics"}{" "}
          <span className="font-normal text-stone-600 dark:text-stone-400">
            (comma-separated; one we do not have becomes search words)
          </span>
          <input
            name="topics"
            type="text"
            maxLength={600}
            defaultValue={other.join(", ")}
            className="mt-1 w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm font-normal dark:border-stone-700 dark:bg-stone-950"
          />
        </label>
      </fieldset>
      <SavedQueryFields uid={uid} values={current} />
      <button type="submit" className="rounded-full bg-accent-600 px-5 py-2 font-medium text-white hover:bg-accent-700">
        Save
      </button>
    </form>
  );
}
