// Code links: the sample's repository links are all found, without the sentence's punctuation, and
// pages that are not repositories are left alone.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { codeLinksIn, paperCodeUrl, repositoryUrl } from "../../src/domain/code/code-links";
import { parseTextExport } from "../../src/domain/text-export";

const sample = parseTextExport(fs.readFileSync("prisma/sample-papers.txt", "utf8"));

describe("code links in the sample abstracts", () => {
  const links = sample.map((paper) => paperCodeUrl(paper));
  const found = links.filter((link): link is string => link !== null);

  it("finds the 41 abstracts that name a GitHub repository, each link once and without trailing punctuation", () => {
    expect(sample).toHaveLength(210);
    expect(found).toHaveLength(41);
    for (const link of found) expect(link).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w-]+(\.[\w-]+)*$/);
    expect(found).toContain("https://github.com/microsoft/LoRA");
    expect(found).toContain("https://github.com/ziplab/Mesa");
    expect(found).toContain("https://github.com/RaghavSinghal10/lora-sb");
    expect(found).toContain("https://github.com/IntelLabs/Hardware-Aware-Automated-Machine-Learning");
  });

  it("links a repository's subpage (tree/main) to the repository itself", () => {
    const ffn = sample.findIndex((paper) => paper.abstract.includes("CLAIRE-Labo/StructuredFFN/tree/main."));
    expect(links[ffn]).toBe("https://github.com/CLAIRE-Labo/StructuredFFN");
    const ssl = sample.findIndex((paper) => paper.abstract.includes("luckmatters/tree/master/ssl."));
    expect(links[ssl]).toBe("https://github.com/facebookresearch/luckmatters");
  });

  it("maps a GitHub Pages project site to the repository it is published from", () => {
    const adi = sample.findIndex((paper) => paper.abstract.includes("adi-t2i.github.io/ADI"));
    expect(links[adi]).toBe("https://github.com/adi-t2i/ADI");
  });

  it("finds nothing in an abstract that only says “Github source code”", () => {
    const books = sample.findIndex((paper) => paper.abstract.includes("Github source code"));
    expect(books).toBeGreaterThanOrEqual(0);
    expect(links[books]).toBeNull();
  });
});

describe("codeLinksIn", () => {
  it("reads GitLab (nested groups) and Hugging Face models, datasets and spaces", () => {
    expect(
      codeLinksIn(
        "Code: gitlab.com/group/sub/project/-/tree/main, weights at https://huggingface.co/org/model-7b. " +
          "Data: https://huggingface.co/datasets/org/set; demo https://huggingface.co/spaces/org/demo!",
      ),
    ).toEqual([
      "https://gitlab.com/group/sub/project",
      "https://huggingface.co/org/model-7b",
      "https://huggingface.co/datasets/org/set",
      "https://huggingface.co/spaces/org/demo",
    ]);
  });

  it("strips .git and the closing punctuation of sentences and brackets", () => {
    expect(codeLinksIn("(see https://github.com/a/b.git).")).toEqual(["https://github.com/a/b"]);
    expect(codeLinksIn("at https://github.com/a/b.c.")).toEqual(["https://github.com/a/b.c"]);
  });

  it("ignores pages that are not repositories", () => {
    expect(codeLinksIn("https://huggingface.co/papers/2501.00001 and https://github.com/features/copilot")).toEqual([]);
    expect(codeLinksIn("my homepage https://someone.github.io and github.com alone")).toEqual([]);
  });
});

describe("paperCodeUrl", () => {
  it("prefers the repository an import names, then the comment, then the abstract", () => {
    const abstract = "Code: https://github.com/from/abstract.";
    expect(paperCodeUrl({ abstract, comment: "Code at https://gitlab.com/from/comment" })).toBe(
      "https://gitlab.com/from/comment",
    );
    expect(paperCodeUrl({ abstract, codeUrl: "https://github.com/from/import", comment: null })).toBe(
      "https://github.com/from/import",
    );
    expect(paperCodeUrl({ abstract })).toBe("https://github.com/from/abstract");
  });

  it("does not take a given address that is not a repository", () => {
    expect(repositoryUrl("javascript:alert(1)")).toBeNull();
    expect(repositoryUrl("https://example.org/code")).toBeNull();
  });
});
