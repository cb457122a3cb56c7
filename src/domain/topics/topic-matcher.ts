// Tags a paper with the vocabulary's topics: finds each topic's spellings (label and aliases, as stem
// sequences) in the title and abstract, longest match first, and keeps the topics the paper is about.
import { phraseKey, phraseRuns } from "./phrase-tokens";

export interface MatchableTopic {
  id: number;
  label: string;
  aliases: readonly string[];
}

export interface TopicMatch {
  topicId: number;
  /** 3 per title mention + 1 per abstract mention: orders a paper's topics. */
  weight: number;
}

/** A paper shows at most this many topics: the strongest ones. */
export const MAX_TOPICS_PER_PAPER = 6;
const TITLE_WEIGHT = 3;
/** A topic named only in passing (one abstract mention) is not what the paper is about. */
const MIN_ABSTRACT_MENTIONS = 2;

interface Form {
  stems: string[];
  topicId: number;
}

export class TopicMatcher {
  /** Forms by their first stem, longest first. */
  private readonly byFirstStem = new Map<string, Form[]>();

  constructor(topics: readonly MatchableTopic[]) {
    for (const topic of topics) {
      for (const spelling of [topic.label, ...topic.aliases]) {
        const stems = phraseKey(spelling).split(" ").filter(Boolean);
        if (stems.length === 0) continue;
        const list = this.byFirstStem.get(stems[0]!) ?? [];
        if (!list.some((f) => f.topicId === topic.id && f.stems.join(" ") === stems.join(" "))) list.push({ stems, topicId: topic.id });
        list.sort((a, b) => b.stems.length - a.stems.length);
        this.byFirstStem.set(stems[0]!, list);
      }
    }
  }

  get isEmpty(): boolean {
    return this.byFirstStem.size === 0;
  }

  /** The paper's topics, strongest first, at most MAX_TOPICS_PER_PAPER. */
  match(title: string, abstract: string): TopicMatch[] {
    const hits = new Map<number, { title: number; abstract: number }>();
    for (const [text, inTitle] of [[title, true], [abstract, false]] as const) {
      for (const run of phraseRuns(text)) {
        for (let i = 0; i < run.length; ) {
          const form = this.byFirstStem.get(run[i]!.stem)?.find((f) => f.stems.every((stem, k) => run[i + k]?.stem === stem));
          if (!form) {
            i++;
            continue;
          }
          const count = hits.get(form.topicId) ?? { title: 0, abstract: 0 };
          if (inTitle) count.title++;
          else count.abstract++;
          hits.set(form.topicId, count);
          i += form.stems.length;
        }
      }
    }
    return [...hits]
      .filter(([, c]) => c.title > 0 || c.abstract >= MIN_ABSTRACT_MENTIONS)
      .map(([topicId, c]) => ({ topicId, weight: TITLE_WEIGHT * c.title + c.abstract }))
      .sort((a, b) => b.weight - a.weight || a.topicId - b.topicId)
      .slice(0, MAX_TOPICS_PER_PAPER);
  }
}
