// paper-digest's one client script. Every page is complete, working HTML without it (votes are form
// posts, search is a GET form); this file only makes the common paths quicker:
//   - votes count at once, without a page load, and roll back if the server refuses;
//   - on the feed, results follow your typing (the URL is replaced, so it stays shareable);
//   - "/" focuses the search box from anywhere, Esc clears it;
//   - the subscribe box signs you up without leaving the page;
//   - a paper page counts one view once it is really shown in a browser.
// It is plain JavaScript served as is: the feed and paper pages ship no framework runtime, which keeps
// them interactive from the first paint (docs/benchmarks.md, Lighthouse).
(() => {
  "use strict";

  // ---- Votes: <form data-vote="{paperId}" data-title="…"> around a button[aria-pressed][data-votes].
  const plural = (n) => `${n} ${n === 1 ? "upvote" : "upvotes"}`;

  function showVote(form, state) {
    const button = form.querySelector("button");
    const title = form.dataset.title;
    button.setAttribute("aria-pressed", String(state.voted));
    button.setAttribute("aria-label", `${state.voted ? "Upvoted" : "Upvote"}${title ? ` “${title}”` : ""}, ${plural(state.votes)}`);
    button.dataset.votes = String(state.votes);
    button.querySelector("span").textContent = state.votes.toLocaleString("en-US");
    form.querySelector('input[name="action"]').value = state.voted ? "remove" : "upvote";
  }

  async function voteError(response) {
    if (response.status === 429) return "Too many votes; try again in a minute.";
    try {
      const body = await response.json();
      return (body && body.error && body.error.message) || "Your vote was not saved.";
    } catch {
      return "Your vote was not saved.";
    }
  }

  async function vote(form) {
    const button = form.querySelector("button");
    const status = form.querySelector('[role="status"]');
    if (button.getAttribute("aria-busy") === "true") return;
    const previous = { voted: button.getAttribute("aria-pressed") === "true", votes: Number(button.dataset.votes) };
    showVote(form, { voted: !previous.voted, votes: Math.max(0, previous.votes + (previous.voted ? -1 : 1)) });
    button.setAttribute("aria-busy", "true");
    status.textContent = "";
    try {
      // keepalive: the page already shows the vote, so a reload or a link followed at once must not cancel
      // it, nor drop the answer whose cookie makes the vote this reader's (else it counts, but as nobody's).
      const response = await fetch(`/api/papers/${form.dataset.vote}/vote`, {
        method: previous.voted ? "DELETE" : "POST",
        headers: { accept: "application/json" },
        credentials: "same-origin",
        keepalive: true,
      });
      if (!response.ok) throw new Error(await voteError(response));
      const saved = await response.json();
      showVote(form, { voted: saved.voted, votes: saved.votes });
    } catch (failure) {
      showVote(form, previous);
      status.textContent =
        failure instanceof Error && failure.message !== "Failed to fetch" ? failure.message : "Your vote was not saved; check your connection.";
    } finally {
      button.setAttribute("aria-busy", "false");
    }
  }

  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-vote")) return;
    event.preventDefault();
    vote(form);
  });

  // ---- Search: <form data-search> with input#site-search and hidden topic/window/sort inputs.
  const DEBOUNCE_MS = 250;
  let latest = 0;
  let timer;

  const searchForm = () => document.querySelector("form[data-search]");
  const searchInput = () => document.getElementById("site-search");

  /** The feed address for a query, keeping the page's topic, window and sort (not a relevance sort without a query). */
  function hrefFor(query) {
    const params = new URLSearchParams();
    if (query.trim() !== "") params.set("q", query);
    for (const kept of searchForm().querySelectorAll('input[type="hidden"]')) {
      if (kept.value && !(kept.name === "sort" && kept.value === "relevance" && query.trim() === "")) params.set(kept.name, kept.value);
    }
    const search = params.toString();
    return search ? `/?${search}` : "/";
  }

  function setPending(pending) {
    searchInput().setAttribute("aria-busy", String(pending));
    searchForm().querySelector('button[type="submit"]').textContent = pending ? "…" : "Search";
  }

  /** Fetches the feed for `href` and swaps it in, unless a newer query has been typed meanwhile. */
  async function showResults(href, ticket) {
    setPending(true);
    try {
      const response = await fetch(href, { headers: { accept: "text/html" }, credentials: "same-origin" });
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      const main = page.getElementById("main");
      if (ticket !== latest || !main) return;
      document.getElementById("main").replaceWith(document.adoptNode(main));
      document.title = page.title;
      history.replaceState(history.state, "", href);
    } catch {
      // Offline or the server is gone: keep the current results; pressing Enter still navigates.
    } finally {
      if (ticket === latest) setPending(false);
    }
  }

  function schedule(query) {
    clearTimeout(timer);
    const ticket = ++latest;
    // A newer keystroke takes over before the delay ends, so a stale query is never sent.
    timer = setTimeout(() => showResults(hrefFor(query), ticket), DEBOUNCE_MS);
  }

  document.addEventListener("input", (event) => {
    // Live results belong to the feed; elsewhere the form's submit navigates there.
    if (event.target === searchInput() && location.pathname === "/") schedule(event.target.value);
  });

  document.addEventListener("submit", (event) => {
    if (event.target !== searchForm()) return;
    event.preventDefault();
    clearTimeout(timer);
    latest++;
    location.assign(hrefFor(searchInput().value));
  });

  document.addEventListener("keydown", (event) => {
    const input = searchInput();
    if (!input) return;
    const target = event.target;
    if (target === input && event.key === "Escape") {
      event.preventDefault();
      if (input.value === "") return input.blur();
      input.value = "";
      if (location.pathname === "/") schedule("");
      return;
    }
    const typing = target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
    if (event.key === "/" && !typing && !event.metaKey && !event.ctrlKey && !event.altKey) {
      event.preventDefault();
      input.focus();
    }
  });

  // ---- Subscribe: <form data-subscribe> in its <section>, beside a hidden <div data-subscribed>.
  /** "ann@example.com" -> "a•••n@e•••.com", as src/domain/subscription/email-address.ts masks it. */
  function maskEmail(email) {
    const at = email.lastIndexOf("@");
    const local = email.slice(0, at);
    const domain = email.slice(at + 1);
    const maskedLocal = local.length <= 2 ? `${local.slice(0, 1)}•••` : `${local.slice(0, 1)}•••${local.slice(-1)}`;
    const dot = domain.lastIndexOf(".");
    return `${maskedLocal}@${dot > 0 ? `${domain.slice(0, 1)}•••${domain.slice(dot)}` : "•••"}`;
  }

  function subscribeError(form, message, field) {
    const error = form.querySelector("[data-subscribe-error]");
    const email = form.elements.namedItem("email");
    error.textContent = message;
    if (field === "email") {
      email.setAttribute("aria-invalid", "true");
      email.setAttribute("aria-describedby", error.id);
      email.focus();
    } else {
      email.removeAttribute("aria-invalid");
      email.removeAttribute("aria-describedby");
    }
  }

  /** Swaps the box's content for its "check your inbox" state; "Use another address" brings the form back. */
  function showSubscribed(form, address) {
    const section = form.closest("section");
    const before = [...section.childNodes];
    const done = document.createDocumentFragment();
    for (const node of section.querySelector("[data-subscribed]").childNodes) done.append(node.cloneNode(true));
    done.querySelector("[data-subscribed-email]").textContent = maskEmail(address);
    done.querySelector("[data-subscribe-again]").addEventListener("click", () => {
      section.removeAttribute("role");
      section.replaceChildren(...before);
      form.reset();
      form.elements.namedItem("email").focus();
    });
    section.replaceChildren(done);
    section.setAttribute("role", "status");
  }

  async function subscribe(form) {
    const button = form.querySelector('button[type="submit"]');
    if (button.disabled) return;
    const data = new FormData(form);
    const address = String(data.get("email") || "").trim();
    subscribeError(form, "");
    button.disabled = true;
    button.textContent = "Subscribing…";
    try {
      // The server checks the address and answers 202 whatever its state, or 400 naming the field.
      const response = await fetch(form.action, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        credentials: "same-origin",
        body: JSON.stringify({ email: address, topics: data.getAll("topics").map(String), website: String(data.get("website") || "") }),
      });
      if (response.status === 202) return showSubscribed(form, address);
      const answer = await response.json().catch(() => null);
      const error = (answer && answer.error) || {};
      subscribeError(form, error.message || "Something went wrong; please try again.", error.field);
    } catch {
      subscribeError(form, "Could not reach paper-digest; check your connection and try again.");
    } finally {
      button.disabled = false;
      button.textContent = "Subscribe";
    }
  }

  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-subscribe")) return;
    event.preventDefault();
    subscribe(form);
  });

  document.addEventListener("input", (event) => {
    const form = event.target.form;
    // Typing again clears the last complaint about the address.
    if (form && form.hasAttribute("data-subscribe") && event.target.name === "email") subscribeError(form, "");
  });

  // ---- Views: <span hidden data-view-paper="{paperId}"> on a paper page.
  function countViews() {
    for (const marker of document.querySelectorAll("[data-view-paper]")) {
      // keepalive lets the request finish even if the reader navigates away at once; failures are ignored.
      fetch(`/api/papers/${marker.dataset.viewPaper}/view`, { method: "POST", keepalive: true, credentials: "same-origin" }).catch(() => {});
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", countViews);
  else countViews();
})();
