import { beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "../../src/env";
import {
  confirmUrl,
  manageToken,
  manageTokenId,
  manageTokenMatches,
  newManageNonce,
  subscriberLinks,
} from "../../src/server/subscriptions/links";

beforeAll(() => {
  process.env.SECRET_KEY = "unit-test-secret-key-that-is-long-enough-000";
  resetEnvCache();
});

describe("subscriber links", () => {
  const subscriber = { id: 42, manageTokenHash: "nonce-one" };

  it("builds manage, unsubscribe and preview URLs from what is stored", () => {
    const links = subscriberLinks(subscriber, "https://papers.example.org/");
    const token = manageToken(subscriber);
    expect(token).toMatch(/^42\.[A-Za-z0-9_-]{43}$/);
    expect(links).toEqual({
      manageUrl: `https://papers.example.org/subscription?token=${token}`,
      unsubscribeUrl: `https://papers.example.org/unsubscribe?token=${token}`,
      previewUrl: `https://papers.example.org/digest/preview?token=${token}`,
    });
    expect(subscriberLinks(subscriber, "https://papers.example.org")).toEqual(links);
    expect(confirmUrl("abc", "https://papers.example.org")).toBe(
      "https://papers.example.org/subscription/confirm?token=abc",
    );
  });

  it("verifies only the token made for this id and nonce", () => {
    const token = manageToken(subscriber);
    expect(manageTokenId(token)).toBe(42);
    expect(manageTokenMatches(token, subscriber)).toBe(true);
    expect(manageTokenMatches(token, { id: 42, manageTokenHash: "nonce-two" })).toBe(false);
    expect(manageTokenMatches(token.replace(/^42/, "43"), { id: 43, manageTokenHash: "nonce-one" })).toBe(false);
    expect(manageTokenId("42.short")).toBeNull();
    expect(manageTokenId("0.".concat("a".repeat(43)))).toBeNull();
    expect(newManageNonce()).not.toBe(newManageNonce());
    expect(newManageNonce()).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});
