// Function words dropped from search queries when other words remain: they occur in nearly every
// abstract, so requiring them adds cost and no precision ("mixture of experts" ≈ mixture + experts).
export const QUERY_STOPWORDS: ReadonlySet<string> = new Set([
  "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from", "has", "have", "how",
  "in", "into", "is", "it", "its", "not", "of", "on", "or", "over", "than", "that", "the", "their", "this",
  "to", "vs", "via", "was", "we", "what", "when", "which", "with", "without",
]);
