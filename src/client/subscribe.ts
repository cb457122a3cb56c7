// The subscribe box signs you up without leaving the page. Markup: <form data-subscribe> in its <section>,
// beside a hidden <div data-subscribed> holding the "check your inbox" state (SubscribeForm).
import { HOOKS } from "@/domain/page-hooks";
import { maskEmail } from "@/domain/subscription/email-address";
import { apiErrorMessage, hook, required } from "./dom";

function emailField(form: HTMLFormElement): HTMLInputElement {
  return required(form, 'input[name="email"]', HTMLInputElement);
}

function showError(form: HTMLFormElement, message: string, field?: string): void {
  const error = required(form, hook(HOOKS.subscribeError), HTMLElement);
  const email = emailField(form);
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
function showSubscribed(form: HTMLFormElement, address: string): void {
  const section = form.closest("section");
  if (!section) return;
  const before = [...section.childNodes];
  const done = document.createDocumentFragment();
  for (const node of required(section, hook(HOOKS.subscribed), HTMLElement).childNodes)
    done.append(node.cloneNode(true));
  required(done, hook(HOOKS.subscribedEmail), HTMLElement).textContent = maskEmail(address);
  required(done, hook(HOOKS.subscribeAgain), HTMLButtonElement).addEventListener("click", () => {
    section.removeAttribute("role");
    section.replaceChildren(...before);
    form.reset();
    emailField(form).focus();
  });
  section.replaceChildren(done);
  section.setAttribute("role", "status");
}

async function subscribe(form: HTMLFormElement): Promise<void> {
  const button = required(form, 'button[type="submit"]', HTMLButtonElement);
  if (button.disabled) return;
  const data = new FormData(form);
  const address = String(data.get("email") ?? "").trim();
  showError(form, "");
  button.disabled = true;
  button.textContent = "Subscribing…";
  try {
    // The server checks the address and answers 202 whatever its state, or 400 naming the field.
    // Always the API: without JavaScript the /subscribe page's form posts to the page itself.
    const response = await fetch("/api/subscriptions", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      credentials: "same-origin",
      body: JSON.stringify({
        email: address,
        topics: data.getAll("topics").map(String),
        // The saved-query fields, when the form has them (the /subscribe page's full form).
        ...Object.fromEntries(
          ["query", "authors", "cadence", "weekday"].flatMap((name) =>
            data.has(name) ? [[name, String(data.get(name))]] : [],
          ),
        ),
        website: String(data.get("website") ?? ""),
      }),
    });
    if (response.status === 202) return showSubscribed(form, address);
    const error = await apiErrorMessage(response);
    showError(form, error.message ?? "Something went wrong; please try again.", error.field);
  } catch {
    showError(form, "Could not reach paper-digest; check your connection and try again.");
  } finally {
    button.disabled = false;
    button.textContent = "Subscribe";
  }
}

export function enhanceSubscribe(): void {
  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute(HOOKS.subscribe)) return;
    event.preventDefault();
    void subscribe(form);
  });
  document.addEventListener("input", (event) => {
    const field = event.target;
    // Typing again clears the last complaint about the address.
    if (field instanceof HTMLInputElement && field.name === "email" && field.form?.hasAttribute(HOOKS.subscribe))
      showError(field.form, "");
  });
}
