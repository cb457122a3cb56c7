// Opens the importer's inputs as streams read afresh on each pass: local files as they are (any size), URLs
// downloaded politely into a temporary file first (at most INGEST_MAX_MB), so neither sits in memory.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defaultFetchPolicy, maxResponseBytes } from "./ingest-settings";
import { FetchFailedError, politeDownload, RequestPacer } from "./polite-fetch";
import type { StreamedInput } from "./run-ingest";

/** An input that could not be read at all; nothing has been written when it is thrown. */
export class InputReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputReadError";
  }
}

export interface OpenedInputs {
  inputs: StreamedInput[];
  /** Removes the downloaded copies of URLs. */
  close(): Promise<void>;
}

/** Pieces of about a megabyte: few enough calls into the parser, little memory each. */
const READ_CHUNK_BYTES = 1024 * 1024;

export async function readInputs(names: readonly string[], maxBytes = maxResponseBytes()): Promise<OpenedInputs> {
  const policy = defaultFetchPolicy({ maxBytes });
  const pacer = new RequestPacer(policy.delayMs);
  let downloads: string | undefined;
  const close = async () => {
    if (downloads) await fs.promises.rm(downloads, { recursive: true, force: true });
  };
  const inputs: StreamedInput[] = [];
  try {
    for (const [index, name] of names.entries()) {
      if (!/^https?:\/\//i.test(name)) {
        inputs.push(await openFile(name));
        continue;
      }
      downloads ??= await fs.promises.mkdtemp(path.join(os.tmpdir(), "paper-digest-ingest-"));
      const file = path.join(downloads, `${index}.download`);
      try {
        await politeDownload(name, file, policy, pacer);
      } catch (error) {
        if (error instanceof FetchFailedError) throw new InputReadError(error.message);
        throw error;
      }
      inputs.push({ name, read: () => readPieces(file) });
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { inputs, close };
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
  return { name: file, read: () => readPieces(file) };
}

/** The file as text pieces; the stream decodes UTF-8 across piece boundaries. */
function readPieces(file: string): AsyncIterable<string> {
  return fs.createReadStream(file, { encoding: "utf8", highWaterMark: READ_CHUNK_BYTES });
}
