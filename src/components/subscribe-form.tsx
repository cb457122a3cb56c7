// The subscribe box: a plain POST to /api/subscriptions, which answers with the check-your-inbox page.
// The client script (src/client/subscribe.ts) sends it in the background instead: the server's message appears beside the field
// (it validates the address), and the box turns into its "check your inbox" state from the hidden copy below.
import { useId } from "react";
import { HOOKS } from "@/domain/page-hooks";
import { SavedQueryFields, type SavedQueryValues } from "./saved-query-fields";

export interface TopicChoice {
  slug: string;
  label: string;
}

export type SubscribeFormValues = SavedQueryValues & { topics?: string[]; email?: string };

/**
 * `saved`: show the search words, authors and cadence fields too, filled in with these values. `action`: where
 * the form posts without JavaScript; `error`: why that post was refused, shown in the form.
 */
export function SubscribeForm({
  topics,
  saved,
  action = "/api/subscriptions",
  error,
}: {
  topics: TopicChoice[];
  saved?: SubscribeFormValues;
  action?: string;
  error?: { message: string; field: string | null } | null;
}) {
  const uid = useId();
  const emailInvalid = error?.field === "email";
  return (
    <section
      id="subscribe"
      aria-labelledby={`${uid}-title`}
      className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm dark:border-stone-800 dark:bg-stone-900"
    >
      <h2 id={`${uid}-title`} className="font-serif text-lg font-semibold">
        Get trending papers in your inbox
      </h2>
      <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">
        Every morning, or once a week on the day you choose. Confirm by email; unsubscribe in one click.
      </p>
      <form action={action} method="post" noValidate {...{ [HOOKS.subscribe]: true }} className="mt-4 space-y-4">
        <div className="flex flex-col gap-2 sm:flex-row lg:flex-col">
          <label htmlFor={`${uid}-email`} className="sr-only">
            Email address
          </label>
          <input
            id={`${uid}-email`}
            name="email"
            type="email"
            required
            maxLength={254}
            autoComplete="email"
            placeholder="you@example.com"
            defaultValue={saved?.email}
            {...(emailInvalid ? { "aria-invalid": true, "aria-describedby": `${uid}-error` } : {})}
            className="w-full flex-1 rounded-full border border-stone-300 bg-white px-4 py-2 text-stone-900 placeholder:text-stone-400 aria-[invalid]:border-red-600 dark:border-stone-700 dark:bg-stone-950 dark:text-stone-100"
          />
          <SubmitButton />
        </div>
        <TopicsField topics={topics} uid={uid} checked={saved?.topics ?? []} />
        {saved && <SavedQueryFields uid={uid} values={saved} />}
        <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
          <label>
            Leave this empty
            <input name="website" type="text" tabIndex={-1} autoComplete="off" />
          </label>
        </div>
        <p
          id={`${uid}-error`}
          role="alert"
          {...{ [HOOKS.subscribeError]: true }}
          className="text-sm text-red-700 empty:hidden dark:text-red-400"
        >
          {error ? `${error.message}${error.field && !emailInvalid ? ` (${error.field})` : ""}` : null}
        </p>
      </form>
      {/* What the box shows after a signup; the client script copies it in and fills in the (masked) address.
          A hidden element rather than a <template>, whose content React's hydration would not see. */}
      <div hidden {...{ [HOOKS.subscribed]: true }}>
        <h2 className="font-serif text-lg font-semibold">Check your inbox</h2>
        <p className="mt-1 text-sm">
          We sent a confirmation link to <strong {...{ [HOOKS.subscribedEmail]: true }}></strong>. Click it within 48
          hours and your daily digest starts tomorrow morning.
        </p>
        <button
          type="button"
          {...{ [HOOKS.subscribeAgain]: true }}
          className="mt-3 text-sm text-accent-700 underline dark:text-accent-300"
        >
          Use another address
        </button>
      </div>
    </section>
  );
}

function SubmitButton() {
  return (
    <button
      type="submit"
      className="rounded-full bg-accent-600 px-5 py-2 font-medium text-white shadow-sm hover:bg-accent-700 disabled:opacity-60"
    >
      Subscribe
    </button>
  );
}

/** Checkboxes from the topic vocabulary; a free-text field until there is one. */
function TopicsField({ topics, uid, checked }: { topics: TopicChoice[]; uid: string; checked: string[] }) {
  if (topics.length === 0) {
    return (
      <div>
        <label htmlFor={`${uid}-topics`} className="text-sm font-medium">
          Topics <span className="font-normal text-stone-600 dark:text-stone-400">(optional, comma-separated)</span>
        </label>
        <input
          id={`${uid}-topics`}
          name="topics"
          type="text"
          maxLength={600}
          placeholder="e.g. diffusion models, reinforcement learning"
          className="mt-1 w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm dark:border-stone-700 dark:bg-stone-950"
        />
      </div>
    );
  }
  return (
    <fieldset>
      <legend className="text-sm font-medium">
        Topics{" "}
        <span className="font-normal text-stone-600 dark:text-stone-400">
          (optional; none means all trending papers)
        </span>
      </legend>
      <div className="mt-2 flex flex-wrap gap-2">
        {topics.map((topic) => (
          <label
            key={topic.slug}
            className="flex cursor-pointer items-center gap-1.5 rounded-full border border-stone-300 px-3 py-1 text-sm has-[:checked]:border-accent-600 has-[:checked]:bg-accent-50 dark:border-stone-700 dark:has-[:checked]:bg-stone-800"
          >
            <input
              type="checkbox"
              name="topics"
              value={topic.slug}
              defaultChecked={checked.includes(topic.slug)}
              className="accent-accent-600"
            />
            {topic.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
