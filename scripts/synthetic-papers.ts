// Synthetic papers for benchmarks, written in the real import formats (arXiv metadata JSON lines, arXiv API
// Atom, text export), made piece by piece so a corpus of any size streams to a file in bounded memory.
import fs from "node:fs";
import { once } from "node:events";
import type { TextInput } from "../src/server/ingest/run-ingest";

export const SYNTHETIC_FORMATS = ["arxiv-jsonl", "arxiv-atom", "text"] as const;
export type SyntheticFormat = (typeof SYNTHETIC_FORMATS)[number];

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

// The common words above are in nearly every abstract; real text also has a long tail of rarer words,
// which is what most searches ask for. The tail: pseudo-words (syllables spelling a rank), drawn with
// Zipf-like (log-uniform) frequencies from RARE_WORDS ranks, so a few are common and most are rare.
const SYLLABLES = "ka lo mi ne ru ta vo si pe do gra tri len mor qui zan".split(" ");
const RARE_WORDS = 50_000;

/** The pseudo-word of a rank in the tail (0 the most frequent). */
export function rareWord(rank: number): string {
  let word = "";
  for (let n = rank + SYLLABLES.length ** 2; n > 0; n = Math.floor(n / SYLLABLES.length))
    word += SYLLABLES[n % SYLLABLES.length];
  return word;
}

function rareWordsFor(seed: number, count: number): string {
  let state = (seed * 2_246_822_519) >>> 0;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    out.push(rareWord(Math.floor(Math.exp((state / 2 ** 32) * Math.log(RARE_WORDS)))));
  }
  return out.join(" ");
}

function title(i: number): string {
  return `Synthetic ${wordsFor(i, 6)} ${rareWordsFor(i, 2)} study ${i}`;
}

function abstract(i: number): string {
  return `We present a synthetic ${wordsFor(i + 7, 120)} ${rareWordsFor(i + 7, 20)}.`;
}

/** A unique new-style id per i: 99,999 per month, twelve months a year, counting back from 2025. */
function arxivId(i: number): string {
  const month = Math.floor(i / 99_999);
  const year = 25 - Math.floor(month / 12);
  return `${String(year).padStart(2, "0")}${String(1 + (month % 12)).padStart(2, "0")}.${String((i % 99_999) + 1).padStart(5, "0")}`;
}

/** When the papers were published: by default nine days of January 2025 in turn; see Dating. */
function published(i: number, dating?: Dating): Date {
  if (!dating) return new Date(`2025-01-0${1 + (i % 9)}T12:00:00Z`);
  return new Date(dating.newest.getTime() - Math.floor(((dating.papers - 1 - i) * 86_400_000) / PAPERS_PER_DAY));
}

/** About arXiv's own rate of new papers. */
export const PAPERS_PER_DAY = 1_000;

/**
 * Realistic dates: paper `papers - 1` is published at `newest` and each earlier one a little before it,
 * PAPERS_PER_DAY a day, so a week's window holds 7,000 papers at any corpus size, as on arXiv.
 */
export interface Dating {
  newest: Date;
  papers: number;
}

/** Wraps text as the snapshot does: lines of at most ~`width` characters joined by `joint`. */
function wrap(text: string, width: number, joint: string): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  return [...lines, line].join(joint);
}

/** One line of arXiv's metadata snapshot, with its wrapped title and abstract, versions and parsed authors. */
export function arxivJsonlLine(i: number, dating?: Dating): string {
  const authors = [
    ["One", `Author ${i % 997}`, ""],
    ["Two", `Author ${i % 991}`, ""],
  ];
  const created = published(i, dating);
  return JSON.stringify({
    id: arxivId(i),
    submitter: `Author ${i % 997} One`,
    authors: authors.map(([last, first]) => `${first} ${last}`).join(" and "),
    title: wrap(title(i), 70, "\n  "),
    comments: "12 pages, 3 figures",
    "journal-ref": null,
    doi: i % 5 === 0 ? `10.48550/arXiv.${arxivId(i)}` : null,
    "report-no": null,
    categories: i % 3 === 0 ? "cs.LG cs.AI" : "cs.CL cs.LG",
    license: "http://arxiv.org/licenses/nonexclusive-distrib/1.0/",
    abstract: `  ${wrap(abstract(i), 78, "\n")}\n`,
    versions: [
      { version: "v1", created: created.toUTCString() },
      { version: "v2", created: new Date(created.getTime() + 7 * 86_400_000).toUTCString() },
    ],
    update_date: new Date(created.getTime() + 7 * 86_400_000).toISOString().slice(0, 10),
    authors_parsed: authors,
  });
}

function atomEntry(i: number, dating?: Dating): string {
  const id = arxivId(i);
  const date = published(i, dating).toISOString().replace(".000", "");
  return `<entry>
    <id>http://arxiv.org/abs/${id}v1</id>
    <updated>${date}</updated>
    <published>${date}</published>
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

const PAPERS_PER_PIECE = 500;

/** Papers `first` to `first + count - 1` as one file of `format`, in pieces of a few hundred papers. */
export function* syntheticFile(format: SyntheticFormat, count: number, first = 0, dating?: Dating): Generator<string> {
  const end = first + count;
  if (format === "text")
    yield "Get trending papers in your email inbox once a day!\nGet trending papers in your email inbox!\nSubscribe";
  if (format === "arxiv-atom") {
    yield `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom">
  <title>ArXiv Query: synthetic</title>
  <opensearch:totalResults>${end}</opensearch:totalResults>
  <opensearch:startIndex>${first}</opensearch:startIndex>
  <opensearch:itemsPerPage>${count}</opensearch:itemsPerPage>`;
  }
  for (let start = first; start < end; start += PAPERS_PER_PIECE) {
    const piece: string[] = [];
    for (let i = start; i < Math.min(end, start + PAPERS_PER_PIECE); i++) {
      if (format === "arxiv-jsonl") piece.push(`${arxivJsonlLine(i, dating)}\n`);
      else if (format === "arxiv-atom") piece.push(`\n  ${atomEntry(i, dating)}`);
      else piece.push(`\n${title(i)}\n${abstract(i)}`);
    }
    yield piece.join("");
  }
  if (format === "arxiv-atom") yield "\n</feed>\n";
}

/** Streams `pieces` to `file`, waiting whenever the disk falls behind; returns the bytes written. */
export async function writePieces(file: string, pieces: Iterable<string>): Promise<number> {
  const out = fs.createWriteStream(file);
  let bytes = 0;
  try {
    for (const piece of pieces) {
      bytes += Buffer.byteLength(piece);
      if (!out.write(piece)) await once(out, "drain");
    }
  } finally {
    await new Promise<void>((resolve, reject) =>
      out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
  }
  return bytes;
}

/** Text exports of `perFile` papers each, `total` in all, held in memory (for benchmarks of small batches). */
export function syntheticTextExports(total: number, perFile: number): TextInput[] {
  const inputs: TextInput[] = [];
  for (let start = 0; start < total; start += perFile) {
    inputs.push({
      name: `synthetic-${start}.txt`,
      content: [...syntheticFile("text", Math.min(perFile, total - start), start)].join(""),
    });
  }
  return inputs;
}

/** arXiv API response pages of `perPage` entries each, `total` in all, made one at a time. */
export function* syntheticAtomPages(total: number, perPage: number): Generator<TextInput> {
  for (let start = 0; start < total; start += perPage) {
    yield {
      name: `synthetic-${start}.atom`,
      content: [...syntheticFile("arxiv-atom", Math.min(perPage, total - start), start)].join(""),
    };
  }
}
