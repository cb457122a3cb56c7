// arXiv categories become topics as they are ("cs.LG"), with a readable name for the common ones.
const CATEGORY_NAMES: Record<string, string> = {
  "cs.AI": "Artificial intelligence",
  "cs.CL": "Computation and language",
  "cs.CV": "Computer vision",
  "cs.LG": "Machine learning",
  "cs.NE": "Neural and evolutionary computing",
  "cs.IR": "Information retrieval",
  "cs.RO": "Robotics",
  "cs.CR": "Cryptography and security",
  "cs.DC": "Distributed computing",
  "cs.HC": "Human-computer interaction",
  "cs.SE": "Software engineering",
  "cs.SD": "Sound",
  "cs.MA": "Multiagent systems",
  "cs.DB": "Databases",
  "cs.PL": "Programming languages",
  "stat.ML": "Machine learning (statistics)",
  "eess.AS": "Audio and speech processing",
  "eess.IV": "Image and video processing",
  "eess.SP": "Signal processing",
  "math.OC": "Optimization and control",
  "q-bio.NC": "Neurons and cognition",
  "physics.comp-ph": "Computational physics",
};

const CATEGORY_PATTERN = /^[a-z-]+(\.[A-Za-z-]+)?$/;

export function isArxivCategory(code: string): boolean {
  return CATEGORY_PATTERN.test(code) && code.length <= 24;
}

/** "cs.LG" → { slug: "cs.lg", label: "Machine learning (cs.LG)" }. */
export function categoryTopic(code: string): { slug: string; label: string } {
  const name = CATEGORY_NAMES[code];
  return { slug: code.toLowerCase().replace(/[^a-z0-9.-]+/g, "-"), label: name ? `${name} (${code})` : code };
}
