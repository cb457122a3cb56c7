// Each recorded real-format fixture parses to exactly the papers it describes.
import { describe, expect, it } from "vitest";
import { detectFormat, parseImport } from "../../src/domain/import/parse-import";
import { fixture } from "../helpers/ingest-fixtures";

describe("arXiv API Atom page", () => {
  const parsed = parseImport(fixture("arxiv-api-page.xml"));

  it("reads every entry with versionless ids, canonical links, authors, dates, categories, comment and DOI", () => {
    expect(parsed.format).toBe("arxiv-atom");
    expect(parsed.rejections).toEqual([]);
    expect(parsed.paging).toEqual({ totalResults: 4, startIndex: 0, itemsPerPage: 4 });
    expect(parsed.papers).toEqual([
      {
        title: "Attention Is All You Need",
        abstract:
          "The dominant sequence transduction models are based on complex recurrent or convolutional neural networks in an encoder-decoder configuration. We propose a new simple network architecture, the Transformer, based solely on attention mechanisms.",
        authors: ["Ashish Vaswani", "Noam Shazeer", "Niki Parmar"],
        arxivId: "1706.03762",
        sourceUrl: "https://arxiv.org/abs/1706.03762",
        pdfUrl: "https://arxiv.org/pdf/1706.03762",
        primaryCategory: "cs.CL",
        categories: ["cs.CL", "cs.LG"],
        comment: "15 pages, 5 figures",
        publishedAt: new Date("2017-06-12T17:57:34Z"),
      },
      {
        title: "LoRA: Low-Rank Adaptation of Large Language Models",
        abstract:
          "We propose Low-Rank Adaptation, or LoRA, which freezes the pre-trained model weights and injects trainable rank decomposition matrices into each layer of the Transformer architecture.",
        authors: ["Edward J. Hu", "Yelong Shen"],
        arxivId: "2106.09685",
        sourceUrl: "https://arxiv.org/abs/2106.09685",
        pdfUrl: "https://arxiv.org/pdf/2106.09685",
        primaryCategory: "cs.CL",
        categories: ["cs.CL", "cs.AI", "cs.LG"],
        comment: "Draft V2 includes better baselines & experiments",
        publishedAt: new Date("2021-06-17T17:37:18Z"),
      },
      {
        title: "The Large N Limit of Superconformal Field Theories and Supergravity",
        abstract:
          "We show that the large $N$ limit of certain conformal field theories in various dimensions includes in its Hilbert space a sector describing supergravity.",
        authors: ["Juan M. Maldacena"],
        arxivId: "hep-th/9711200",
        sourceUrl: "https://arxiv.org/abs/hep-th/9711200",
        pdfUrl: "https://arxiv.org/pdf/hep-th/9711200",
        doi: "10.1023/A:1026654312961",
        primaryCategory: "hep-th",
        categories: ["hep-th"],
        comment: "20 pages, harvmac",
        publishedAt: new Date("1997-11-27T23:56:17Z"),
      },
      {
        // Line breaks collapse; the LaTeX stays for display clean-up.
        title: "Scaling Laws for $k$-Sparse Attention in \\textit{Long-Context} Transformers",
        abstract:
          "We study how the loss of $k$-sparse attention scales with context length $L$ and find a power law $\\mathcal{O}(L^{-\\alpha})$.",
        authors: ["Mira Quint"],
        arxivId: "2501.04519",
        sourceUrl: "https://arxiv.org/abs/2501.04519",
        pdfUrl: "https://arxiv.org/pdf/2501.04519",
        primaryCategory: "cs.LG",
        categories: ["cs.LG"],
        publishedAt: new Date("2025-01-08T14:10:00Z"),
      },
    ]);
  });
});

describe("arXiv daily listings", () => {
  it("RSS: imports new and cross-listed papers, skips revisions, strips the announce prefix, splits dc:creator", () => {
    const parsed = parseImport(fixture("arxiv-listing-cs-lg.rss"));
    expect(parsed.format).toBe("arxiv-rss");
    expect(parsed.skipped).toEqual([{ position: 3, reason: "a revision of an earlier paper (announce type replace)" }]);
    expect(parsed.papers).toEqual([
      {
        title: "Gradient Noise Scale Predicts the Critical Batch Size",
        abstract:
          "We show that the gradient noise scale, measured early in training, predicts the batch size beyond which returns diminish.",
        authors: ["Ada Byron", "Charles Babbage"],
        arxivId: "2501.07101",
        sourceUrl: "https://arxiv.org/abs/2501.07101",
        pdfUrl: "https://arxiv.org/pdf/2501.07101",
        primaryCategory: "cs.LG",
        categories: ["cs.LG", "stat.ML"],
        publishedAt: new Date("2025-01-14T05:00:00Z"),
      },
      {
        title: "Retrieval Heads in Multilingual Language Models",
        abstract: "A small set of attention heads copies retrieved facts across languages.",
        authors: ["Grace Hopper"],
        arxivId: "2501.07188",
        sourceUrl: "https://arxiv.org/abs/2501.07188",
        pdfUrl: "https://arxiv.org/pdf/2501.07188",
        primaryCategory: "cs.CL",
        categories: ["cs.CL", "cs.LG"],
        publishedAt: new Date("2025-01-14T05:00:00Z"),
      },
    ]);
  });

  it("Atom listing: OAI ids, dc:creator authors, the first category as primary", () => {
    const parsed = parseImport(fixture("arxiv-listing-cs-cl.atom"));
    expect(parsed.format).toBe("arxiv-atom");
    expect(parsed.papers).toEqual([
      {
        title: "Retrieval Heads in Multilingual Language Models",
        abstract: "A small set of attention heads copies retrieved facts across languages.",
        authors: ["Grace Hopper", "Kathleen Booth"],
        arxivId: "2501.07188",
        sourceUrl: "https://arxiv.org/abs/2501.07188",
        pdfUrl: "https://arxiv.org/pdf/2501.07188",
        primaryCategory: "cs.CL",
        categories: ["cs.CL", "cs.LG"],
        publishedAt: new Date("2025-01-14T05:00:00Z"),
      },
    ]);
  });
});

describe("Hugging Face daily papers", () => {
  it("keeps the array order as the source rank, upvotes as a signal, the repository and keywords, and rejects the entry without an abstract", () => {
    const parsed = parseImport(fixture("hf-daily-papers.json"));
    expect(parsed.format).toBe("hf-daily");
    expect(parsed.rejections).toEqual([{ position: 3, reason: "abstract: missing" }]);
    expect(parsed.papers).toEqual([
      {
        title: "Scaling Laws for k-Sparse Attention in Long-Context Transformers",
        abstract: "We study how the loss of k-sparse attention scales with context length L and find a power law.",
        authors: ["Mira Quint", "Tomas Vell"],
        arxivId: "2501.04519",
        sourceUrl: "https://arxiv.org/abs/2501.04519",
        pdfUrl: "https://arxiv.org/pdf/2501.04519",
        categories: [],
        codeUrl: null,
        keywords: ["sparse attention", "scaling laws"],
        publishedAt: new Date("2025-01-08T14:10:00Z"),
        sourceRank: 1,
        sourceUpvotes: 42,
      },
      {
        title: "Self-Correcting Agents with Verifier Feedback",
        abstract: "Agents that check their own tool calls against a learned verifier recover from 61% of errors.",
        authors: ["Lin Zhou"],
        arxivId: "2501.05001",
        sourceUrl: "https://arxiv.org/abs/2501.05001",
        pdfUrl: "https://arxiv.org/pdf/2501.05001",
        categories: [],
        codeUrl: "https://github.com/lzhou/verifier-agents",
        publishedAt: new Date("2025-01-09T09:00:00Z"),
        sourceRank: 2,
        sourceUpvotes: 7,
      },
    ]);
  });
});

describe("text export", () => {
  it("reads title/abstract pairs after the header, ranked in order", () => {
    const parsed = parseImport(fixture("trending-export.txt"));
    expect(parsed.format).toBe("text");
    expect(parsed.papers.map((p) => [p.title, p.sourceRank])).toEqual([
      ["LoRA: low-rank ADAPTATION of large language models", 1],
      ["Token Merging for Fast Diffusion", 2],
      ["scaling laws for k-sparse attention in long-context transformers", 3],
    ]);
    expect(parsed.papers[1]).toEqual({
      title: "Token Merging for Fast Diffusion",
      abstract: "Merging redundant tokens speeds up diffusion models by 2x with no retraining.",
      authors: [],
      categories: [],
      publishedAt: null,
      sourceRank: 2,
    });
  });
});

describe("format detection", () => {
  it.each([
    ["arxiv-api-page.xml", "arxiv-atom"],
    ["arxiv-listing-cs-cl.atom", "arxiv-atom"],
    ["arxiv-listing-cs-lg.rss", "arxiv-rss"],
    ["hf-daily-papers.json", "hf-daily"],
    ["trending-export.txt", "text"],
  ])("%s is %s", (file, format) => {
    expect(detectFormat(fixture(file))).toBe(format);
  });
});
