// `npm run build:client`: bundles src/client/ into public/enhance.js (git-ignored), minified, one file.
// `npm run build` and `npm start` run it before `next build`. Fails when the bundle outgrows its budget:
// the pages ship no framework, so this file is all the JavaScript a reader downloads.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { CLIENT_SCRIPT_PATH } from "@/domain/page-hooks";

export const CLIENT_ENTRY = "src/client/enhance.ts";
export const CLIENT_BUNDLE = `public${CLIENT_SCRIPT_PATH}`;
/** Minified bytes; the budget of docs/architecture.md ("Pages and the client script"). */
export const CLIENT_BUDGET_BYTES = 12 * 1024;

export async function buildClient(outfile = path.join(process.cwd(), CLIENT_BUNDLE)): Promise<number> {
  await build({
    entryPoints: [path.join(process.cwd(), CLIENT_ENTRY)],
    outfile,
    bundle: true,
    minify: true,
    format: "iife",
    target: ["es2020"],
    platform: "browser",
    legalComments: "none",
    logLevel: "warning",
  });
  const bytes = fs.statSync(outfile).size;
  if (bytes > CLIENT_BUDGET_BYTES)
    throw new Error(`${CLIENT_BUNDLE} is ${bytes} bytes, over its budget of ${CLIENT_BUDGET_BYTES}`);
  return bytes;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  buildClient()
    .then((bytes) => console.log(`${CLIENT_BUNDLE}: ${bytes} bytes minified (budget ${CLIENT_BUDGET_BYTES})`))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
