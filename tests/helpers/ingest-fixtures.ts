// The recorded real-format inputs in tests/fixtures/ingest, read as text or as importer inputs.
import fs from "node:fs";
import path from "node:path";
import type { TextInput } from "../../src/server/ingest/run-ingest";

export const INGEST_FIXTURES = path.join(import.meta.dirname, "../fixtures/ingest");

export function fixture(name: string): string {
  return fs.readFileSync(path.join(INGEST_FIXTURES, name), "utf8");
}

export function fixtureInput(name: string): TextInput {
  return { name, content: fixture(name) };
}
