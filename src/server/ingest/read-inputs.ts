// Reads the importer's inputs: local files (size-checked before reading) and URLs (fetched politely).
import fs from "node:fs/promises";
import { defaultFetchPolicy, maxInputBytes } from "./ingest-settings";
import { FetchFailedError, politeFetch, RequestPacer } from "./polite-fetch";
import type { IngestInput } from "./run-ingest";

/** An input that could not be read at all; nothing has been written when it is thrown. */
export class InputReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputReadError";
  }
}

export async function readInputs(names: readonly string[], maxBytes = maxInputBytes()): Promise<IngestInput[]> {
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
    inputs.push({ name, content: await readFileCapped(name, maxBytes) });
  }
  return inputs;
}

async function readFileCapped(file: string, maxBytes: number): Promise<string> {
  let size: number;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new InputReadError(`${file}: not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof InputReadError) throw error;
    throw new InputReadError(`${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  if (size > maxBytes) {
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
    throw new InputReadError(
      `${file}: ${mb(size)} MB is over the ${mb(maxBytes)} MB limit (INGEST_MAX_MB); split the file or raise the limit`,
    );
  }
  return fs.readFile(file, "utf8");
}
