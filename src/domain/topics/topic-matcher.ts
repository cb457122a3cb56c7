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

/** A trie over spellings' stems: a node is a stem sequence, `topicId` set where a spelling ends. */
interface FormNode {
  next: Map<string, FormNode>;
  /** The first topic (in vocabulary order) spelled by exactly this stem sequence. */
  topicId?: number;
}

export class TopicMatcher {
  private readonly forms: FormNode = { next: new Map() };

  constructor(topics: readonly MatchableTopic[]) {
    for (const topic of topics) {
      for (const spelling of [topic.label, ...topic.aliases]) {
        const stems = phraseKey(spelling).split(" ").filter(Boolean);
        let node = this.forms;
        for (const stem of stems) {
          let next = node.next.get(stem);
          if (!next) node.next.set(stem, (next = { next: new Map() }));
          node = next;
        }
        if (stems.length > 0) node.topicId ??= topic.id;
      }
    }
  }

  get isEmpty(): boolean {
    return this.forms.next.size === 0;
  }

  /** The paper's topics, strongest first, at most MAX_TOPICS_PER_PAPER. */
  match(title: string, abstract: string): TopicMatch[] {
    const hits = new Map<number, { title: number; abstract: number }>();
    for (const [text, inTitle] of [
      [title, true],
      [abstract, false],
    ] as const) {
      for (const run of phraseRuns(text)) {
        for (let i = 0; i < run.length;) {
          // The longest spelling that starts here wins; the scan resumes after it.
          let topicId: number | undefined;
          let length = 0;
          let node = this.forms;
          for (let k = i; k < run.length; k++) {
            const next = node.next.get(run[k]!.stem);
            if (!next) break;
            node = next;
            if (node.topicId !== undefined) {
              topicId = node.topicId;
              length = k - i + 1;
            }
          }
          if (topicId === undefined) {
            i++;
            continue;
          }
          const count = hits.get(topicId) ?? { title: 0, abstract: 0 };
          if (inTitle) count.title++;
          else count.abstract++;
          hits.set(topicId, count);
          i += length;
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
