// On the feed, results follow your typing (the URL is replaced, so it stays shareable); "/" focuses the
// search box from anywhere, Esc clears it. Markup: <form data-search> with the box and hidden
// topic/window/sort inputs (SearchForm).
import { HOOKS, MAIN_ID, SEARCH_INPUT_ID } from "@/domain/page-hooks";
import { hook, required } from "./dom";
import { showOwnVotes } from "./votes";

const DEBOUNCE_MS = 250;
let latest = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

const searchForm = (): HTMLFormElement | null => document.querySelector<HTMLFormElement>(`form${hook(HOOKS.search)}`);
const searchInput = (): HTMLInputElement | null => document.getElementById(SEARCH_INPUT_ID) as HTMLInputElement | null;
const onFeed = (): boolean => location.pathname === "/";

/** The feed address for a query, keeping the page's topic, window and sort (not a relevance sort without a query). */
function hrefFor(form: HTMLFormElement, query: string): string {
  const params = new URLSearchParams();
  if (query.trim() !== "") params.set("q", query);
  for (const kept of form.querySelectorAll<HTMLInputElement>('input[type="hidden"]')) {
    const droppedSort = kept.name === "sort" && kept.value === "relevance" && query.trim() === "";
    if (kept.value && !droppedSort) params.set(kept.name, kept.value);
  }
  const search = params.toString();
  return search ? `/?${search}` : "/";
}

function setPending(form: HTMLFormElement, input: HTMLInputElement, pending: boolean): void {
  input.setAttribute("aria-busy", String(pending));
  required(form, 'button[type="submit"]', HTMLButtonElement).textContent = pending ? "…" : "Search";
}

/** Fetches the feed for `href` and swaps it in, unless a newer query has been typed meanwhile. */
async function showResults(
  form: HTMLFormElement,
  input: HTMLInputElement,
  href: string,
  ticket: number,
): Promise<void> {
  setPending(form, input, true);
  try {
    const response = await fetch(href, { headers: { accept: "text/html" }, credentials: "same-origin" });
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    const main = page.getElementById(MAIN_ID);
    if (ticket !== latest || !main) return;
    document.getElementById(MAIN_ID)?.replaceWith(document.adoptNode(main));
    void showOwnVotes(main);
    document.title = page.title;
    history.replaceState(history.state, "", href);
  } catch {
    // Offline or the server is gone: keep the current results; pressing Enter still navigates.
  } finally {
    if (ticket === latest) setPending(form, input, false);
  }
}

function schedule(form: HTMLFormElement, input: HTMLInputElement): void {
  clearTimeout(timer);
  const ticket = ++latest;
  // A newer keystroke takes over before the delay ends, so a stale query is never sent.
  timer = setTimeout(() => void showResults(form, input, hrefFor(form, input.value), ticket), DEBOUNCE_MS);
}

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))
  );
}

function onKey(event: KeyboardEvent): void {
  const form = searchForm();
  const input = searchInput();
  if (!form || !input) return;
  if (event.target === input && event.key === "Escape") {
    event.preventDefault();
    if (input.value === "") return input.blur();
    input.value = "";
    if (onFeed()) schedule(form, input);
    return;
  }
  if (event.key === "/" && !isTyping(event.target) && !event.metaKey && !event.ctrlKey && !event.altKey) {
    event.preventDefault();
    input.focus();
  }
}

export function enhanceSearch(): void {
  document.addEventListener("input", (event) => {
    const form = searchForm();
    const input = searchInput();
    // Live results belong to the feed; elsewhere the form's submit navigates there.
    if (form && input && event.target === input && onFeed()) schedule(form, input);
  });
  document.addEventListener("submit", (event) => {
    const form = searchForm();
    const input = searchInput();
    if (!form || !input || event.target !== form) return;
    event.preventDefault();
    clearTimeout(timer);
    latest++;
    location.assign(hrefFor(form, input.value));
  });
  document.addEventListener("keydown", onKey);
}
