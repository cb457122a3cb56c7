import { describe, expect, it } from "vitest";
import { cleanLatex, normalizeWhitespace } from "../../src/domain/latex";

describe("cleanLatex", () => {
  it.each([
    ["improves accuracy by 0.9\\% on ImageNet", "improves accuracy by 0.9% on ImageNet"],
    ["the Embedding\\&MLP paradigm", "the Embedding&MLP paradigm"],
    ["the \\textbf{Mamba} model", "the Mamba model"],
    ["this \\emph{scan and snap} dynamic", "this scan and snap dynamic"],
    ["demonstrate an {\\em opposite trend} here", "demonstrate an opposite trend here"],
    ["an {\\bf 8.2\\%} gain", "an 8.2% gain"],
    ["we use $k$ experts and $\\alpha=0.5$", "we use k experts and α=0.5"],
    ["such techniques (e.g.,~SVD) rely", "such techniques (e.g., SVD) rely"],
    ["we propose SL^{2}A-INR, a hybrid", "we propose SL²A-INR, a hybrid"],
    ["Pad\\'e Activation Units", "Padé Activation Units"],
    ["a model \\( x'(t) = Ax(t) \\) here", "a model x'(t) = Ax(t) here"],
  ])("cleans %j", (input, expected) => {
    expect(cleanLatex(input)).toBe(expected);
  });

  it("passes plain text through unchanged", () => {
    const plain = "Low-rank adaptation (LoRA) cuts memory use by 3x: a study (2024).";
    expect(cleanLatex(plain)).toBe(plain);
  });

  it("keeps nested formatting readable", () => {
    expect(cleanLatex("\\textbf{\\emph{deep}} nets")).toBe("deep nets");
  });
});

describe("normalizeWhitespace", () => {
  it("folds line breaks and runs of spaces", () => {
    expect(normalizeWhitespace("  Attention\n   is all\tyou need \r\n")).toBe("Attention is all you need");
  });
});
