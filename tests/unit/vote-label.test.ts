import { describe, expect, it } from "vitest";
import { voteLabel } from "../../src/domain/vote-label";

describe("voteLabel", () => {
  it("names the action, the paper and the count", () => {
    expect(voteLabel(false, 3, "Attention")).toBe("Upvote “Attention”, 3 upvotes");
    expect(voteLabel(true, 1, "Attention")).toBe("Upvoted “Attention”, 1 upvote");
  });

  it("leaves the title out when there is none", () => {
    expect(voteLabel(false, 0)).toBe("Upvote, 0 upvotes");
  });
});
