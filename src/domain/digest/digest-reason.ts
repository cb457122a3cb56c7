// The "why it's here" line of a digest item: the topic match, then the trend reason.
import type { Paper, TopicRef } from "@/domain/paper";

const SOURCE_LABELS: Record<string, string> = {
  hf: "Hugging Face daily papers",
  huggingface: "Hugging Face daily papers",
  "hf-daily": "Hugging Face daily papers",
  arxiv: "arXiv",
  sample: "the trending list it came from",
};

export interface ReasonInput {
  paper: Paper;
  matchedTopics: readonly TopicRef[];
  /** The paper's authors the reader follows, as the paper writes them. */
  matchedAuthors?: readonly string[];
  /** The reader's saved search words (every item of a reader with words matched them). */
  queryText?: string;
  /** 1-based position among the reader's new papers, by trending score. */
  rank: number;
  /** How many new papers the reader's window holds. */
  windowSize: number;
}

export function whyItIsHere({
  paper,
  matchedTopics,
  matchedAuthors = [],
  queryText = "",
  rank,
  windowSize,
}: ReasonInput): string {
  const matched: string[] = [];
  if (matchedTopics.length > 0) {
    const labels = matchedTopics.map((t) => t.label);
    matched.push(`your topic${labels.length > 1 ? "s" : ""} ${labels.join(", ")}`);
  }
  if (queryText !== "") matched.push(`your search “${queryText}”`);
  if (matchedAuthors.length > 0) matched.push(`by ${matchedAuthors.join(", ")}`);
  const parts: string[] = [];
  if (matched.length > 0) parts.push(`Matches ${matched.join(", ")}`);
  parts.push(`#${rank} trending of ${windowSize} new paper${windowSize === 1 ? "" : "s"}`);
  if (paper.votes > 0) parts.push(`${paper.votes} upvote${paper.votes === 1 ? "" : "s"} here`);
  if (paper.sourceRank !== null) {
    const source = SOURCE_LABELS[paper.sourceName.toLowerCase()] ?? paper.sourceName;
    parts.push(`ranked #${paper.sourceRank} on ${source}`);
  }
  return parts.join(" · ");
}
