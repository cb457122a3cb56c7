// The paper as the rest of the app sees it: clean text, parsed lists, no database rows.

export interface TopicRef {
  slug: string;
  label: string;
}

export interface Paper {
  id: number;
  slug: string;
  /** Display-clean title and abstract (LaTeX removed); the originals stay in the store. */
  title: string;
  abstract: string;
  authors: string[];
  arxivId: string | null;
  sourceUrl: string | null;
  pdfUrl: string | null;
  doi: string | null;
  primaryCategory: string | null;
  categories: string[];
  comment: string | null;
  /** The paper's code repository (GitHub, GitLab, Hugging Face), from its import or its text. */
  codeUrl: string | null;
  publishedAt: Date | null;
  firstSeenAt: Date;
  /** publishedAt, else firstSeenAt: what the feed's time windows filter on. */
  feedAt: Date;
  sourceName: string;
  sourceRank: number | null;
  votes: number;
  trendKey: number;
  topics: TopicRef[];
}

/** A paper about to enter the store, as an importer produced it. */
export interface NewPaper {
  title: string;
  abstract: string;
  authors?: string[];
  arxivId?: string | null;
  sourceUrl?: string | null;
  pdfUrl?: string | null;
  doi?: string | null;
  primaryCategory?: string | null;
  categories?: string[];
  comment?: string | null;
  /** A repository the source names for the paper (Hugging Face's `githubRepo`); else found in the text. */
  codeUrl?: string | null;
  /** Keywords the source assigned (Hugging Face's `ai_keywords`): they feed the topic vocabulary. */
  keywords?: string[];
  publishedAt?: Date | null;
  /** Position on a ranked source list (1 = top), when the source is ranked. */
  sourceRank?: number | null;
  /** Upvotes the source reports (e.g. Hugging Face daily papers). */
  sourceUpvotes?: number | null;
}
