"use client";
// The search box in the header. Without JavaScript it is a plain GET form to the feed (/?q=…).
// With it, the feed updates as you type: the URL is replaced after a short pause (so it stays
// shareable), only the newest query is applied (older pending ones are dropped), and the previous
// results stay on screen until the new ones are ready (a transition, so nothing flickers).
// "/" focuses the box from anywhere on the page; Esc clears it.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { SEARCH_BUTTON_CLASS, SEARCH_INPUT_CLASS, SEARCH_PLACEHOLDER } from "./search-form-static";

const DEBOUNCE_MS = 250;
/** Feed parameters a new search keeps (a new query starts again at the first page). */
const KEPT_PARAMS = ["topic", "window", "sort"] as const;

export function SearchBox() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const urlQuery = searchParams.get("q") ?? "";
  const [value, setValue] = useState(urlQuery);
  const [pending, startTransition] = useTransition();
  const input = useRef<HTMLInputElement>(null);
  const latest = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // Back/forward and links change the URL: show their query unless the visitor is typing.
  useEffect(() => {
    if (document.activeElement !== input.current) setValue(urlQuery);
  }, [urlQuery]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing = target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
      if (event.key === "/" && !typing && !event.metaKey && !event.ctrlKey && !event.altKey) {
        event.preventDefault();
        input.current?.focus();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  useEffect(() => () => clearTimeout(timer.current), []);

  function hrefFor(query: string): string {
    const params = new URLSearchParams();
    if (query.trim() !== "") params.set("q", query);
    for (const key of KEPT_PARAMS) {
      const kept = searchParams.get(key);
      if (kept && !(key === "sort" && kept === "relevance" && query.trim() === "")) params.set(key, kept);
    }
    const search = params.toString();
    return search ? `/?${search}` : "/";
  }

  function schedule(query: string, delay: number) {
    clearTimeout(timer.current);
    const ticket = ++latest.current;
    timer.current = setTimeout(() => {
      // A newer keystroke has taken over: this query is stale and is never sent.
      if (ticket !== latest.current) return;
      startTransition(() => router.replace(hrefFor(query), { scroll: false }));
    }, delay);
  }

  function onChange(query: string) {
    setValue(query);
    // Live results belong to the feed; elsewhere the form's submit navigates there.
    if (pathname === "/") schedule(query, DEBOUNCE_MS);
  }

  return (
    <form
      role="search"
      action="/"
      method="get"
      className="relative"
      onSubmit={(event) => {
        event.preventDefault();
        clearTimeout(timer.current);
        latest.current++;
        startTransition(() => router.push(hrefFor(value)));
      }}
    >
      <label htmlFor="site-search" className="sr-only">Search papers</label>
      <input
        ref={input}
        id="site-search"
        type="search"
        name="q"
        value={value}
        maxLength={400}
        autoComplete="off"
        spellCheck={false}
        placeholder={SEARCH_PLACEHOLDER}
        aria-busy={pending}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== "Escape") return;
          event.preventDefault();
          if (value !== "") onChange("");
          else input.current?.blur();
        }}
        className={SEARCH_INPUT_CLASS}
      />
      {KEPT_PARAMS.map((key) => {
        const kept = searchParams.get(key);
        return kept ? <input key={key} type="hidden" name={key} value={kept} /> : null;
      })}
      <button type="submit" className={SEARCH_BUTTON_CLASS}>
        {pending ? "…" : "Search"}
      </button>
    </form>
  );
}
