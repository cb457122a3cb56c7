// Opens the importer's inputs: local files are streamed (any size, read in bounded memory on each pass);
// URLs are fetched politely, their bodies capped by INGEST_MAX_MB and held for the passes.
import fs from "node:fs";
import { defaultFetchPolicy, maxResponseBytes } from "./ingest-settings";
import { FetchFailedError, politeFetch, RequestPacer } from "./polite-fetch";
import type { IngestInput, StreamedInput } from "./run-ingest";

/** An input that could not be read at all; nothing has been written when it is thrown. */
export class InputReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputReadError";
  }
}

/** Pieces of about a megabyte: few enough calls into the parser, little memory each. */
const READ_CHUNK_BYTES = 1024 * 1024;

export async function readInputs(names: readonly string[], maxBytes = maxResponseBytes()): Promise<IngestInput[]> {
  const policy = defaultFetchPolicy({ maxBytes });
  const pacer = new RequestPacer(policy.delayMs);
  const inputs: IngestInput[] = [];
  for (const name of names) {
    if (/^https?:\/\//i.test(name)) {
      try {
        inputs.push({ name, content: await politeFetch(name, policy, pacer) });
      } catch (error) {
        if (error instanceof FetchFailedError) throw new InputReadError(error.message);
        throw error;
      }
      continue;
    }
    inputs.push(await openFile(name));
  }
  return inputs;
}

async function openFile(file: string): Promise<StreamedInput> {
  try {
    const stat = await fs.promises.stat(file);
    if (!stat.isFile()) throw new InputReadError(`${file}: not a file`);
    await fs.promises.access(file, fs.constants.R_OK);
  } catch (error) {
    if (error instanceof InputReadError) throw error;
    throw new InputReadError(`${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  // The stream decodes UTF-8 across piece boundaries.
  return { name: file, read: () => fs.createReadStream(file, { encoding: "utf8", highWaterMark: READ_CHUNK_BYTES }) };
}
