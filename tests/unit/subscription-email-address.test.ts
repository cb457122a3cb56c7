import { describe, expect, it } from "vitest";
import { maskEmail, normaliseEmail } from "../../src/domain/subscription/email-address";
import { normaliseTopics, parseStoredTopics } from "../../src/domain/subscription/topics";

describe("normaliseEmail", () => {
  it("trims, lower-cases the domain and keeps the local part", () => {
    expect(normaliseEmail("  Jane.Doe+papers@Example.COM \n")).toEqual({
      ok: true,
      email: "Jane.Doe+papers@example.com",
    });
    expect(normaliseEmail("o'neil@mail.example.co.uk")).toEqual({ ok: true, email: "o'neil@mail.example.co.uk" });
  });

  it("turns international domains into their ASCII form", () => {
    expect(normaliseEmail("user@Bücher.example")).toEqual({ ok: true, email: "user@xn--bcher-kva.example" });
  });

  it.each([
    "",
    "plain",
    "@example.com",
    "user@",
    "a b@example.com",
    "user@example",
    "user@-bad.com",
    "user@bad-.com",
    "a..b@example.com",
    ".a@example.com",
    "a.@example.com",
    "user@exa_mple.com",
    "user@example.c0m",
    "ü@example.com",
    "user@example.com\r\nBcc: x@y.com",
    "a@b@example.com",
    "user@[127.0.0.1]",
    "user@example..com",
    `"quoted"@example.com`,
    `${"a".repeat(65)}@example.com`,
    `a@${"b".repeat(64)}.com`,
    `a@${"b.".repeat(130)}com`,
  ])("rejects %j", (input) => {
    const result = normaliseEmail(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.length).toBeGreaterThan(10);
  });
});

describe("maskEmail", () => {
  it("keeps enough to recognise, not enough to harvest", () => {
    expect(maskEmail("jane.doe@example.com")).toBe("j•••e@e•••.com");
    expect(maskEmail("jo@mail.example.org")).toBe("j•••@m•••.org");
    expect(maskEmail("x@example.com")).not.toContain("example");
  });
});

describe("normaliseTopics", () => {
  it("splits free text, lower-cases, collapses spaces and drops duplicates", () => {
    expect(normaliseTopics(["Diffusion  Models, LLM", "llm", " ", "c++"])).toEqual({
      ok: true,
      topics: ["diffusion models", "llm", "c++"],
    });
    expect(normaliseTopics([])).toEqual({ ok: true, topics: [] });
  });

  it("rejects too many, too long and odd topics", () => {
    expect(normaliseTopics([Array.from({ length: 21 }, (_, i) => `t${i}`).join(",")]).ok).toBe(false);
    expect(normaliseTopics(["x".repeat(61)]).ok).toBe(false);
    expect(normaliseTopics(["<script>"]).ok).toBe(false);
  });

  it("reads stored JSON defensively", () => {
    expect(parseStoredTopics('["a",1,"b"]')).toEqual(["a", "b"]);
    expect(parseStoredTopics("nope")).toEqual([]);
    expect(parseStoredTopics('{"a":1}')).toEqual([]);
  });
});
