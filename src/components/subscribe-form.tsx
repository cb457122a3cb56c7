"use client";
// The subscribe form: a plain POST to /api/subscriptions without JavaScript; with it, inline checks and a clear done state.
import { useId, useState, type FormEvent } from "react";
import { maskEmail, normaliseEmail } from "@/domain/subscription/email-address";

export interface TopicChoice {
  slug: string;
  label: string;
}

type FormState =
  | { kind: "idle" }
  | { kind: "sending" }
  | { kind: "done"; maskedEmail: string }
  | { kind: "error"; message: string; field?: "email" | "topics" };

export function SubscribeForm({ topics, variant = "card", id = "subscribe" }: { topics: TopicChoice[]; variant?: "card" | "compact"; id?: string }) {
  const [state, setState] = useState<FormState>({ kind: "idle" });
  const uid = useId();
  const emailError = state.kind === "error" && state.field === "email";

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const check = normaliseEmail(String(data.get("email") ?? ""));
    if (!check.ok) return setState({ kind: "error", message: check.message, field: "email" });
    setState({ kind: "sending" });
    const body = { email: check.email, topics: data.getAll("topics").map(String), website: String(data.get("website") ?? "") };
    try {
      const response = await fetch("/api/subscriptions", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
      if (response.status === 202) return setState({ kind: "done", maskedEmail: maskEmail(check.email) });
      const answer = (await response.json().catch(() => null)) as { error?: { message?: string; field?: string } } | null;
      const field = answer?.error?.field === "email" || answer?.error?.field === "topics" ? answer.error.field : undefined;
      setState({ kind: "error", message: answer?.error?.message ?? "Something went wrong; please try again.", field });
    } catch {
      setState({ kind: "error", message: "Could not reach paper-digest; check your connection and try again." });
    }
  }

  if (state.kind === "done") {
    return (
      <section id={id} role="status" className="rounded-xl border border-accent-100 bg-accent-50 p-5 text-stone-900 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-100">
        <h2 className="font-serif text-lg font-semibold">Check your inbox</h2>
        <p className="mt-1 text-sm">
          We sent a confirmation link to <strong>{state.maskedEmail}</strong>. Click it within 48 hours and your daily digest starts tomorrow morning.
        </p>
        <button type="button" onClick={() => setState({ kind: "idle" })} className="mt-3 text-sm text-accent-700 underline dark:text-accent-300">
          Use another address
        </button>
      </section>
    );
  }

  const compact = variant === "compact";
  return (
    <section id={id} aria-labelledby={`${uid}-title`} className={compact ? "" : "rounded-xl border border-stone-200 bg-white p-5 shadow-sm dark:border-stone-800 dark:bg-stone-900"}>
      <h2 id={`${uid}-title`} className={compact ? "sr-only" : "font-serif text-lg font-semibold"}>
        Get trending papers in your inbox once a day
      </h2>
      {!compact && <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">One email each morning. Confirm by email; unsubscribe in one click.</p>}
      <form action="/api/subscriptions" method="post" noValidate onSubmit={submit} className={compact ? "flex gap-2" : "mt-4 space-y-4"}>
        <div className={compact ? "flex-1" : "flex flex-col gap-2 sm:flex-row lg:flex-col"}>
          <label htmlFor={`${uid}-email`} className="sr-only">Email address</label>
          <input
            id={`${uid}-email`} name="email" type="email" required maxLength={254} autoComplete="email" placeholder="you@example.com"
            aria-invalid={emailError || undefined} aria-describedby={emailError ? `${uid}-error` : undefined}
            onChange={() => state.kind === "error" && setState({ kind: "idle" })}
            className="w-full flex-1 rounded-full border border-stone-300 bg-white px-4 py-2 text-stone-900 placeholder:text-stone-400 aria-[invalid]:border-red-600 dark:border-stone-700 dark:bg-stone-950 dark:text-stone-100"
          />
          {!compact && <SubmitButton sending={state.kind === "sending"} />}
        </div>
        {compact && <SubmitButton sending={state.kind === "sending"} />}
        {!compact && <TopicsField topics={topics} uid={uid} />}
        <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
          <label>Leave this empty<input name="website" type="text" tabIndex={-1} autoComplete="off" /></label>
        </div>
        {state.kind === "error" && (
          <p id={`${uid}-error`} role="alert" className="text-sm text-red-700 dark:text-red-400">{state.message}</p>
        )}
      </form>
    </section>
  );
}

function SubmitButton({ sending }: { sending: boolean }) {
  return (
    <button type="submit" disabled={sending} className="rounded-full bg-accent-600 px-5 py-2 font-medium text-white shadow-sm hover:bg-accent-700 disabled:opacity-60">
      {sending ? "Subscribing…" : "Subscribe"}
    </button>
  );
}

/** Checkboxes from the topic vocabulary; a free-text field until there is one. */
function TopicsField({ topics, uid }: { topics: TopicChoice[]; uid: string }) {
  if (topics.length === 0) {
    return (
      <div>
        <label htmlFor={`${uid}-topics`} className="text-sm font-medium">Topics <span className="font-normal text-stone-600 dark:text-stone-400">(optional, comma-separated)</span></label>
        <input id={`${uid}-topics`} name="topics" type="text" maxLength={600} placeholder="e.g. diffusion models, reinforcement learning"
          className="mt-1 w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm dark:border-stone-700 dark:bg-stone-950" />
      </div>
    );
  }
  return (
    <fieldset>
      <legend className="text-sm font-medium">Topics <span className="font-normal text-stone-600 dark:text-stone-400">(optional; none means all trending papers)</span></legend>
      <div className="mt-2 flex flex-wrap gap-2">
        {topics.map((topic) => (
          <label key={topic.slug} className="flex cursor-pointer items-center gap-1.5 rounded-full border border-stone-300 px-3 py-1 text-sm has-[:checked]:border-accent-600 has-[:checked]:bg-accent-50 dark:border-stone-700 dark:has-[:checked]:bg-stone-800">
            <input type="checkbox" name="topics" value={topic.slug} className="accent-accent-600" />
            {topic.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
