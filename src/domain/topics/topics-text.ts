// The searchable text of a paper's topics (Paper.topicsText, the FTS "topicsText" column): each topic's
// label and aliases, " | "-separated, topics in id order, so every spelling of a topic finds its papers.

/** One topic's part: "Low-rank adaptation | LoRA | low rank adaptation". */
export function topicSpellingsText(label: string, aliases: readonly string[]): string {
  return [label, ...aliases].join(" | ");
}

/** A paper's topicsText from its topic ids (duplicates count once) and each topic's spellings text. */
export function paperTopicsText(topicIds: readonly number[], spellingsText: ReadonlyMap<number, string>): string {
  const ids = [...new Set(topicIds)].sort((a, b) => a - b);
  return ids.map((id) => spellingsText.get(id) ?? "").join(" | ");
}
