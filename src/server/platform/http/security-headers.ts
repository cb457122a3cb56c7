// The security headers of every response (pages, API, feeds, static files, 404s, errors), set by the HTTP server
// around Next's handler (src/cli/serve.ts) before Next writes anything, so nothing can be served without them.
// docs/security.md explains each choice.

export interface SecurityHeaderSettings {
  /** APP_URL is https: browsers are told to use nothing else (HSTS). */
  https: boolean;
  /**
   * Next's development server (`npm run dev`): its hot reloading evaluates code and writes one inline script
   * (`__nextHmrInitialVersion`), so 'unsafe-eval' and 'unsafe-inline' are allowed there, and only there.
   */
  dev: boolean;
}

/**
 * Pages carry no inline or eval'd script: the only script is /enhance.js (src/client/, built by esbuild), and
 * pages set unstable_runtimeJS: false, so Next adds none. Inline styles stay allowed: the one-page HTML answers
 * (src/server/subscriptions/html-page.ts) and the mails previewed in /dev/outbox carry them, and a style runs no code.
 */
function contentSecurityPolicy({ https, dev }: SecurityHeaderSettings): string {
  return [
    "default-src 'self'",
    `script-src 'self'${dev ? " 'unsafe-eval' 'unsafe-inline'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    // Development: Next's hot reloading talks over a WebSocket to this same server.
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Browser features no page here uses: denied, also to anything a page might embed. */
const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "camera=()",
  "geolocation=()",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "payment=()",
  "usb=()",
].join(", ");

/** Two years, the preload list's minimum; no includeSubDomains: other hosts of the domain are not ours to decide. */
const HSTS = "max-age=63072000";

/**
 * Paths whose URL carries a credential (a manage, confirmation or click token): a Referer would hand it to the
 * next site, or, on /r/ redirects, to the paper's page logs. The POST answers of /api/subscriptions/* echo links too.
 */
const TOKENED_PATHS = /^\/(r\/|subscription(\/|$)|unsubscribe(\/|$)|digest\/preview(\/|$)|api\/subscriptions(\/|$))/;

export function referrerPolicyFor(requestUrl: string): string {
  let url: URL;
  try {
    url = new URL(requestUrl, "http://localhost");
  } catch {
    return "no-referrer"; // an address Next will refuse anyway: the strictest answer costs nothing
  }
  if (TOKENED_PATHS.test(url.pathname) || url.searchParams.has("token")) return "no-referrer";
  // Other sites learn that a reader came from here, never which page or search.
  return "strict-origin-when-cross-origin";
}

/** The headers for a request to `requestUrl` (a path with its query, as Node's request.url gives it). */
export function securityHeaders(requestUrl: string, settings: SecurityHeaderSettings): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(settings),
    "X-Content-Type-Options": "nosniff",
    // For browsers that predate frame-ancestors.
    "X-Frame-Options": "DENY",
    "Referrer-Policy": referrerPolicyFor(requestUrl),
    "Permissions-Policy": PERMISSIONS_POLICY,
    ...(settings.https ? { "Strict-Transport-Security": HSTS } : {}),
  };
}

/** The hook serve.ts calls on every request before Next (or its own refusal) answers. */
export function applySecurityHeaders(
  response: { setHeader(name: string, value: string): unknown },
  requestUrl: string,
  settings: SecurityHeaderSettings,
): void {
  for (const [name, value] of Object.entries(securityHeaders(requestUrl, settings))) response.setHeader(name, value);
}
