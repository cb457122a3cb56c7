// Synthetic papers for benchmarks, written in the real import formats (text export and arXiv API Atom).
import type { IngestInput } from "../src/server/ingest/run-ingest";

const WORDS = (
  "learning neural network transformer attention diffusion model language vision graph reinforcement policy " +
  "optimization gradient sparse efficient scalable robust benchmark dataset retrieval reasoning agent multimodal " +
  "alignment preference reward fine-tuning adaptation quantization inference training latent representation " +
  "contrastive generative synthetic evaluation protocol federated privacy causal uncertainty calibration kernel"
).split(" ");

/** Deterministic pseudo-random word choice (a linear congruential generator), so runs are comparable. */
function wordsFor(seed: number, count: number): string {
  let state = (seed * 2_654_435_761) >>> 0;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    out.push(WORDS[state % WORDS.length]!);
  }
  return out.join(" ");
}

function title(i: number): string {
  return `Synthetic ${wordsFor(i, 6)} study ${i}`;
}

function abstract(i: number): string {
  return `We present a synthetic ${wordsFor(i + 7, 140)}.`;
}

/** Text exports of `perFile` papers each, `total` in all. */
export function syntheticTextExports(total: number, perFile: number): IngestInput[] {
  const inputs: IngestInput[] = [];
  for (let start = 0; start < total; start += perFile) {
    const lines = [
      "Get trending papers in your email inbox once a day!",
      "Get trending papers in your email inbox!",
      "Subscribe",
    ];
    for (let i = start; i < Math.min(total, start + perFile); i++) lines.push(title(i), abstract(i));
    inputs.push({ name: `synthetic-${start}.txt`, content: lines.join("\n") });
  }
  return inputs;
}

function atomEntry(i: number): string {
  // A unique new-style id per i: month 01..12 of 2025, then a five-digit number (99,999 per month).
  const id = `25${String(1 + Math.floor(i / 99_999)).padStart(2, "0")}.${String((i % 99_999) + 1).padStart(5, "0")}`;
  return `<entry>
    <id>http://arxiv.org/abs/${id}v1</id>
    <updated>2025-01-0${1 + (i % 9)}T12:00:00Z</updated>
    <published>2025-01-0${1 + (i % 9)}T12:00:00Z</published>
    <title>${title(i)}</title>
    <summary>  ${abstract(i)}
    </summary>
    <author><name>Author ${i % 997} One</name></author>
    <author><name>Author ${i % 991} Two</name></author>
    <arxiv:comment>12 pages</arxiv:comment>
    <link href="http://arxiv.org/abs/${id}v1" rel="alternate" type="text/html"/>
    <link title="pdf" href="http://arxiv.org/pdf/${id}v1" rel="related" type="application/pdf"/>
    <arxiv:primary_category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
    <category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
    <category term="cs.AI" scheme="http://arxiv.org/schemas/atom"/>
  </entry>`;
}

/** arXiv API response pages of `perPage` entries each, `total` in all, made one at a time. */
export function* syntheticAtomPages(total: number, perPage: number): Generator<IngestInput> {
  for (let start = 0; start < total; start += perPage) {
    const entries: string[] = [];
    for (let i = start; i < Math.min(total, start + perPage); i++) entries.push(atomEntry(i));
    yield {
      name: `synthetic-${start}.atom`,
      content: `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom">
  <title>ArXiv Query: synthetic</title>
  <opensearch:totalResults>${total}</opensearch:totalResults>
  <opensearch:startIndex>${start}</opensearch:startIndex>
  <opensearch:itemsPerPage>${perPage}</opensearch:itemsPerPage>
  ${entries.join("\n  ")}
</feed>`,
    };
  }
}
