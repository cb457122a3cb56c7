// The header policy itself; tests/integration/server-security-headers.test.ts checks it on a running server.
import { describe, expect, it } from "vitest";
import { referrerPolicyFor, securityHeaders } from "../../src/server/platform/http/security-headers";

describe("security headers", () => {
  it("allow no inline or eval'd script in production, and no framing", () => {
    const csp = securityHeaders("/", { https: false, dev: false })["Content-Security-Policy"]!;
    const scriptSrc = csp.split("; ").find((d) => d.startsWith("script-src"));
    expect(scriptSrc).toBe("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  it("send HSTS (and upgrade requests) only when the app's URL is https", () => {
    expect(securityHeaders("/", { https: false, dev: false })).not.toHaveProperty("Strict-Transport-Security");
    const https = securityHeaders("/", { https: true, dev: false });
    expect(https["Strict-Transport-Security"]).toBe("max-age=63072000");
    expect(https["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
  });

  it("send no referrer from any address that carries a token", () => {
    for (const url of [
      "/subscription?token=1.abc",
      "/subscription/confirm?token=abc",
      "/unsubscribe?token=abc",
      "/digest/preview?token=abc",
      "/r/1.2.abcdefabcdefabcdefabcd",
      "/api/subscriptions/manage",
      "/?token=anything",
    ])
      expect(referrerPolicyFor(url), url).toBe("no-referrer");
    for (const url of ["/", "/papers/x", "/digest", "/digest/2026-11-26", "/subscribe", "/topics/llm", "/rss"])
      expect(referrerPolicyFor(url), url).toBe("strict-origin-when-cross-origin");
  });
});
