import { describe, expect, it } from "vitest";
import { escapeHtml } from "../../src/domain/escape-html";

describe("escapeHtml", () => {
  it("escapes the five characters that matter in text and quoted attributes", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
  });

  it("leaves other text, including non-ASCII, as it is", () => {
    expect(escapeHtml("Schrödinger’s “cat” — 100%")).toBe("Schrödinger’s “cat” — 100%");
  });
});
