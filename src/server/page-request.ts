// What a pages-router page reads from its request: the URL's query (first value of each parameter, as
// the app-router pages read theirs) and the visitor cookie.
import type { IncomingMessage } from "node:http";
import type { ParsedUrlQuery } from "node:querystring";
import { VISITOR_COOKIE, visitorIdFromCookieValue } from "./platform/visitor";

export function requestParams(query: ParsedUrlQuery, except: readonly string[] = []): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && !except.includes(key)) params.set(key, first);
  }
  return params;
}

export function requestVisitorId(req: IncomingMessage & { cookies?: Partial<Record<string, string>> }): string | null {
  return visitorIdFromCookieValue(req.cookies?.[VISITOR_COOKIE]);
}
