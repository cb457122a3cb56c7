// Writes a synthetic corpus of any size to one file, streaming (bounded memory even at millions of papers),
// in arXiv's metadata-snapshot format (JSON lines, the default), as one arXiv Atom feed or as a text export.
// Dated like arXiv: the newest paper now, a thousand a day before it (so the feed's windows hold what they would).
// Usage: npm run corpus -- <papers: 10k | 100k | 1M | a number> [--format arxiv-jsonl|arxiv-atom|text] [--out <file>]
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { SYNTHETIC_FORMATS, syntheticFile, writePieces } from "./synthetic-papers";

export const CORPUS_EXTENSIONS = { "arxiv-jsonl": "jsonl", "arxiv-atom": "atom", text: "txt" } as const;

/** Where a corpus of `papers` is written unless --out says otherwise. */
export function defaultCorpusFile(papers: number, format: keyof typeof CORPUS_EXTENSIONS = "arxiv-jsonl"): string {
  return path.join(os.tmpdir(), `paper-digest-corpus-${papers}.${CORPUS_EXTENSIONS[format]}`);
}

/** Writes the corpus, dated up to `newest`; returns its size in bytes. */
export function writeCorpus(
  file: string,
  papers: number,
  format: keyof typeof CORPUS_EXTENSIONS = "arxiv-jsonl",
  newest = new Date(),
): Promise<number> {
  return writePieces(file, syntheticFile(format, papers, 0, { newest, papers }));
}

/** A number of papers as typed: 10k, 100k, 1M or a plain number. */
export const PaperCountSchema = z
  .string({ error: "give the number of papers, e.g. 10k, 100k or 1M" })
  .regex(/^\d+(\.\d+)?[kKmM]?$/, "papers must be a number, optionally with k or M (10k, 1M)")
  .transform((text) => Math.round(Number.parseFloat(text) * ({ k: 1e3, m: 1e6 }[text.slice(-1).toLowerCase()] ?? 1)))
  .pipe(z.number().int().positive("papers must be at least 1"));

const ArgsSchema = z.object({
  papers: PaperCountSchema,
  format: z.enum(SYNTHETIC_FORMATS, { error: `--format must be one of ${SYNTHETIC_FORMATS.join(", ")}` }),
  out: z.string().optional(),
});

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: { type: "string", default: "arxiv-jsonl" }, out: { type: "string" } },
  });
  const parsed = ArgsSchema.safeParse({ papers: positionals[0], format: values.format, out: values.out });
  if (!parsed.success) {
    console.error(
      `corpus: ${parsed.error.issues[0]?.message}\nusage: npm run corpus -- <10k|100k|1M|n> [--format ${SYNTHETIC_FORMATS.join("|")}] [--out <file>]`,
    );
    return 2;
  }
  const { papers, format } = parsed.data;
  const out = parsed.data.out ?? defaultCorpusFile(papers, format);
  const started = performance.now();
  const bytes = await writeCorpus(out, papers, format);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${out}: ${papers} papers as ${format}, ${(bytes / 1024 / 1024).toFixed(1)} MB in ${seconds.toFixed(1)} s ` +
      `(peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB)`,
  );
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2)).then((code) => process.exit(code));
