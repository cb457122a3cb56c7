// Whether a request is plausibly a person reading a paper: no HEAD, no prefetch, no obvious bot.

const BOT_USER_AGENT = /bot|crawler|spider|preview/i;
const PREFETCH_HEADERS = ["next-router-prefetch", "x-middleware-prefetch"];

/** Whether a request may count as a view: HEAD requests, prefetches and bots never do. */
export function isCountableView(method: string, headers: Headers): boolean {
  if (method.toUpperCase() === "HEAD") return false;
  if (/prefetch/i.test(headers.get("purpose") ?? "") || /prefetch/i.test(headers.get("sec-purpose") ?? ""))
    return false;
  if (PREFETCH_HEADERS.some((name) => headers.has(name))) return false;
  return !BOT_USER_AGENT.test(headers.get("user-agent") ?? "");
}
